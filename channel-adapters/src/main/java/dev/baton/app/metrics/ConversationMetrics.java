package dev.baton.app.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.conversation.BotDecision;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.Message;
import dev.baton.observation.BotTurn;
import dev.baton.observation.ConversationObserver;
import dev.baton.satisfaction.SatisfactionRating;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times what the engine and the desk report, in Micrometer meters (the README's metrics table lists
 * them). Every meter is registered up front, one per tag value, so that reporting a step only increments or records:
 * no tags are built, nothing is looked up by name.
 */
public final class ConversationMetrics implements ConversationObserver {

    /** Conversations accepted on this node and not yet answered by their agent, kept at most this long. */
    private static final Duration FIRST_REPLY_PATIENCE = Duration.ofDays(1);
    private static final int FIRST_REPLY_ENTRIES = 100_000;

    private final Counter engaged;
    private final Counter escalated;
    private final Counter consoleMessages;
    private final Counter widgetMessages;
    private final Map<BotDecision.Kind, Counter> decisions = new EnumMap<>(BotDecision.Kind.class);
    private final Map<HandoffReason, Counter> handoffs = new EnumMap<>(HandoffReason.class);
    private final Timer waitUntilAccepted;
    private final Timer waitUntilLeft;
    private final Timer firstAgentResponse;
    private final Timer duration;
    private final Timer classification;
    private final Timer botTurn;
    private final MeterRegistry registry;
    /**
     * When each conversation accepted here joined the queue, until its agent first writes. Only the node that
     * accepted a conversation measures its first response (the agent's console usually stays on it); bounded, since a
     * conversation that leaves its agent through another node is never removed here.
     */
    private final Cache<String, Instant> awaitingFirstReply = Caffeine.newBuilder()
            .maximumSize(FIRST_REPLY_ENTRIES).expireAfterWrite(FIRST_REPLY_PATIENCE).build();

    public ConversationMetrics(MeterRegistry registry) {
        this.registry = registry;
        engaged = Counter.builder("baton.conversations.engaged")
                .description("conversations whose visitor wrote at least once").register(registry);
        escalated = Counter.builder("baton.conversations.escalated")
                .description("conversations the bot handed to people, counted at their first handoff").register(registry);
        widgetMessages = messagesIn(registry, "widget");
        consoleMessages = messagesIn(registry, "console");
        for (BotDecision.Kind kind : BotDecision.Kind.values()) {
            decisions.put(kind, Counter.builder("baton.bot.decisions").tag("decision", BotTurn.label(kind))
                    .description("bot turns, by what the bot decided").register(registry));
        }
        for (HandoffReason reason : HandoffReason.values()) {
            handoffs.put(reason, Counter.builder("baton.handoffs").tag("reason", BotTurn.label(reason))
                    .description("conversations the bot handed to people, by why").register(registry));
        }
        waitUntilAccepted = queueWait(registry, "accepted");
        waitUntilLeft = queueWait(registry, "left");
        firstAgentResponse = Timer.builder("baton.agent.first.response")
                .description("from joining the queue to the first message of the agent who accepted it")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(2))
                .register(registry);
        duration = Timer.builder("baton.conversation.duration")
                .description("from a conversation's start to its resolution by an agent").register(registry);
        classification = Timer.builder("baton.classification")
                .description("intent classification of one visitor message").register(registry);
        botTurn = Timer.builder("baton.bot.turn")
                .description("one bot turn, from reading the transcript to the answer stored or the conversation queued")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    private static Counter messagesIn(MeterRegistry registry, String channel) {
        return Counter.builder("baton.messages.received").tag("channel", channel)
                .description("messages stored, by the channel they came in on (a resent message counts once)").register(registry);
    }

    private static Timer queueWait(MeterRegistry registry, String outcome) {
        return Timer.builder("baton.queue.wait").tag("outcome", outcome)
                .description("time in the queue, until an agent accepted the conversation or it went back to the bot")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(2))
                .register(registry);
    }

    /** Counts a visitor message that came in on the widget; the other channels' messages are counted as reported. */
    public void widgetMessageReceived() {
        widgetMessages.increment();
    }

    @Override
    public void visitorWrote(String conversationId, boolean first) {
        if (first) {
            engaged.increment();
        }
    }

    @Override
    public void botTurn(BotTurn turn) {
        decisions.get(turn.decision().kind()).increment();
        turn.handoffReason().ifPresent(reason -> handoffs.get(reason).increment());
        if (turn.handoffReason().isPresent() && turn.firstHandoff()) {
            escalated.increment();
        }
        if (turn.classificationNanos() > 0) {
            classification.record(turn.classificationNanos(), TimeUnit.NANOSECONDS);
        }
        botTurn.record(turn.latencyNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Registered as ratings come rather than up front: the intents are the trainers' and change with the database.
     * A rating is a rare event, so the lookup is no cost worth avoiding.
     */
    @Override
    public void answerRated(String conversationId, String intent, boolean helpful) {
        Counter.builder("baton.answers.rated").tag("intent", intent).tag("helpful", String.valueOf(helpful))
                .description("bot answers visitors rated, by intent and whether they found them helpful")
                .register(registry).increment();
    }

    /**
     * One series per agent and score: agents are the installation's configured users, so the tags stay few, and the
     * scores' distribution per agent (and any team of agents) adds up from them.
     */
    @Override
    public void conversationRated(SatisfactionRating rating) {
        Counter.builder("baton.satisfaction.ratings").tag("agent", rating.agentUsername()).tag("score", String.valueOf(rating.score()))
                .description("conversations visitors rated after an agent resolved them, by agent and score (1-5)")
                .register(registry).increment();
    }

    @Override
    public void assigned(Conversation assigned, Duration waited) {
        waitUntilAccepted.record(waited);
        awaitingFirstReply.put(assigned.id(), assigned.updatedAt().minus(waited));
    }

    @Override
    public void agentReplied(Conversation conversation, Message reply) {
        consoleMessages.increment();
        Instant queuedAt = awaitingFirstReply.asMap().remove(conversation.id());
        if (queuedAt != null) {
            firstAgentResponse.record(Duration.between(queuedAt, reply.at()));
        }
    }

    @Override
    public void handedBack(Conversation back) {
        awaitingFirstReply.invalidate(back.id());
    }

    @Override
    public void leftQueue(Conversation back, Duration waited) {
        waitUntilLeft.record(waited);
    }

    @Override
    public void requeued(Conversation requeued) {
        awaitingFirstReply.invalidate(requeued.id());
    }

    @Override
    public void resolved(Conversation resolved) {
        awaitingFirstReply.invalidate(resolved.id());
        duration.record(Duration.between(resolved.startedAt(), resolved.updatedAt()));
    }
}
