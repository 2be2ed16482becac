package dev.baton.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.Message;
import dev.baton.observation.BotTurn;
import dev.baton.observation.ConversationObserver;
import dev.baton.satisfaction.SatisfactionRating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Records each conversation's {@link ConversationOutcome} as the engine and the desk report its steps: when its visitor
 * first writes, and whenever people are done with it. The wait and the first response are measured as the metrics
 * measure them, by the node that accepted the conversation (an agent's console usually stays on one node): a
 * conversation finished on another node has neither. Recording happens off the reporting thread, and a failed one
 * is logged, never thrown.
 */
public final class OutcomeRecorder implements ConversationObserver {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);
    private static final Duration PATIENCE = Duration.ofDays(1);
    private static final int CONVERSATIONS_WITH_PEOPLE = 100_000;

    private final ConversationOutcomes outcomes;
    private final Clock clock;
    /** What this node measured of each conversation it assigned, until people are done with it; bounded. */
    private final Cache<String, Assignment> assigned = Caffeine.newBuilder()
            .maximumSize(CONVERSATIONS_WITH_PEOPLE).expireAfterWrite(PATIENCE).build();

    private record Assignment(String agent, Instant queuedAt, Duration waited, Optional<Duration> firstResponse) {
    }

    public OutcomeRecorder(ConversationOutcomes outcomes, Clock clock) {
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @Override
    public void visitorWrote(String conversationId, boolean first) {
        if (first) {
            record(ConversationOutcome.engaged(conversationId, clock.instant()));
        }
    }

    @Override
    public void assigned(Conversation conversation, Duration waited) {
        assigned.put(conversation.id(), new Assignment(conversation.agent().map(AgentRef::username).orElse(""),
                conversation.updatedAt().minus(waited), waited, Optional.empty()));
    }

    @Override
    public void agentReplied(Conversation conversation, Message reply) {
        assigned.asMap().computeIfPresent(conversation.id(), (id, a) -> a.firstResponse().isPresent() ? a
                : new Assignment(a.agent(), a.queuedAt(), a.waited(), Optional.of(Duration.between(a.queuedAt(), reply.at()))));
    }

    @Override
    public void handedBack(Conversation back) {
        finished(back, Optional.empty());
    }

    @Override
    public void leftQueue(Conversation back, Duration waited) {
        finished(back, Optional.empty());
    }

    @Override
    public void resolved(Conversation resolved) {
        finished(resolved, Optional.of(Duration.between(resolved.startedAt(), resolved.updatedAt())));
    }

    @Override
    public void requeued(Conversation requeued) {
        // Its next agent's wait and first response are measured afresh, as the metrics do.
        assigned.invalidate(requeued.id());
    }

    private void finished(Conversation conversation, Optional<Duration> resolution) {
        Optional<Assignment> measured = Optional.ofNullable(assigned.asMap().remove(conversation.id()));
        Optional<String> agent = conversation.agent().map(AgentRef::username).or(() -> measured.map(Assignment::agent));
        conversation.handoff().map(HandoffSummary::reason).ifPresent(reason -> record(ConversationOutcome.finished(
                conversation.id(), clock.instant(), reason, agent, measured.map(Assignment::waited),
                measured.flatMap(Assignment::firstResponse), resolution).ofTeam(conversation.team())));
    }

    private void record(ConversationOutcome outcome) {
        Mono.defer(() -> outcomes.record(outcome)).subscribe(null,
                failure -> log.warn("Could not record a conversation's outcome for the analytics: {}", failure.toString()));
    }

    @Override
    public void botTurn(BotTurn turn) {
    }

    @Override
    public void answerRated(String conversationId, String intent, boolean helpful) {
    }

    @Override
    public void conversationRated(SatisfactionRating rating) {
    }
}
