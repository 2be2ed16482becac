package dev.baton.app.metrics;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.Message;
import dev.baton.conversation.Mood;
import dev.baton.conversation.Sender;
import dev.baton.dialogue.Decision;
import dev.baton.nlu.Classification;
import dev.baton.nlu.IntentScore;
import dev.baton.observation.BotTurn;
import dev.baton.satisfaction.SatisfactionRating;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationMetricsTest {

    private static final Instant START = Instant.parse("2026-12-02T09:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConversationMetrics metrics = new ConversationMetrics(registry);

    @Test
    void everyTagValueIsRegisteredBeforeAnythingHappens() {
        assertThat(registry.find("baton.bot.decisions").counters()).hasSize(4);
        assertThat(registry.find("baton.handoffs").counters()).hasSize(HandoffReason.values().length);
        assertThat(registry.get("baton.bot.decisions").tag("decision", "not_understood").counter().count()).isZero();
    }

    @Test
    void eachRatedConversationIsCountedTowardsItsAgentUnderItsScore() {
        metrics.conversationRated(new SatisfactionRating("c-1", "alice", 5, Optional.of("great"), START));
        metrics.conversationRated(new SatisfactionRating("c-2", "alice", 5, Optional.empty(), START));
        metrics.conversationRated(new SatisfactionRating("c-3", "bruno", 2, Optional.empty(), START));

        assertThat(registry.get("baton.satisfaction.ratings").tags("agent", "alice", "score", "5").counter().count()).isEqualTo(2);
        assertThat(registry.get("baton.satisfaction.ratings").tags("agent", "bruno", "score", "2").counter().count()).isEqualTo(1);
        assertThat(registry.find("baton.satisfaction.ratings").counters()).hasSize(2);
    }

    @Test
    void aTurnIsCountedByDecisionAndTimedWithItsClassification() {
        metrics.botTurn(turn("c-1", new Decision.Answer(new IntentScore("shipping_costs", 0.9), "confident"), 2_000_000, 9_000_000, true));
        metrics.botTurn(turn("c-1", new Decision.NotUnderstood("nothing fits"), 1_000_000, 5_000_000, true));

        assertThat(decisions("answer")).isEqualTo(1);
        assertThat(decisions("not_understood")).isEqualTo(1);
        assertThat(decisions("hand_off")).isZero();
        assertThat(registry.get("baton.classification").timer().count()).isEqualTo(2);
        assertThat(registry.get("baton.classification").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3);
        assertThat(registry.get("baton.bot.turn").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(14);
    }

    @Test
    void aTurnWhoseIntentTheVisitorChoseIsNotTimedAsAClassification() {
        metrics.botTurn(turn("c-1", new Decision.Answer(new IntentScore("returns", 1.0), "the visitor chose it"), 0, 4_000_000, true));

        assertThat(registry.get("baton.classification").timer().count()).isZero();
        assertThat(registry.get("baton.bot.turn").timer().count()).isEqualTo(1);
    }

    @Test
    void handoffsAreCountedByReasonAndAConversationIsEscalatedOnlyAtItsFirst() {
        metrics.visitorWrote("c-1", true);
        metrics.visitorWrote("c-1", false);
        metrics.visitorWrote("c-2", true);
        metrics.botTurn(turn("c-1", new Decision.HandOff(HandoffReason.VISITOR_ASKED, "asked"), 1, 1, true));
        metrics.botTurn(turn("c-1", new Decision.HandOff(HandoffReason.FRUSTRATION, "shouting"), 1, 1, false));

        assertThat(registry.get("baton.handoffs").tag("reason", "visitor_asked").counter().count()).isEqualTo(1);
        assertThat(registry.get("baton.handoffs").tag("reason", "frustration").counter().count()).isEqualTo(1);
        assertThat(registry.get("baton.handoffs").tag("reason", "repeated_failure").counter().count()).isZero();
        assertThat(registry.get("baton.conversations.engaged").counter().count()).isEqualTo(2);
        assertThat(registry.get("baton.conversations.escalated").counter().count()).isEqualTo(1);
    }

    @Test
    void theWaitIsTimedUntilAcceptedOrLeftAndTheFirstResponseFromJoiningTheQueue() {
        Conversation accepted = withAgent("c-1", START.plusSeconds(40));
        metrics.assigned(accepted, Duration.ofSeconds(30));
        metrics.agentReplied(accepted, agentMessage("c-1", START.plusSeconds(55)));
        metrics.agentReplied(accepted, agentMessage("c-1", START.plusSeconds(90)));
        metrics.leftQueue(waiting("c-2"), Duration.ofSeconds(12));

        assertThat(registry.get("baton.queue.wait").tag("outcome", "accepted").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(30);
        assertThat(registry.get("baton.queue.wait").tag("outcome", "left").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(12);
        assertThat(registry.get("baton.agent.first.response").timer().count()).as("only the first reply").isEqualTo(1);
        assertThat(registry.get("baton.agent.first.response").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(45);
        assertThat(registry.get("baton.messages.received").tag("channel", "console").counter().count()).isEqualTo(2);
    }

    @Test
    void aConversationHandedBackBeforeItsAgentWroteHasNoFirstResponse() {
        Conversation accepted = withAgent("c-1", START.plusSeconds(40));
        metrics.assigned(accepted, Duration.ofSeconds(30));
        metrics.handedBack(accepted);
        metrics.agentReplied(accepted, agentMessage("c-1", START.plusSeconds(55)));

        assertThat(registry.get("baton.agent.first.response").timer().count()).isZero();
    }

    @Test
    void aResolvedConversationIsTimedFromItsStart() {
        Conversation resolved = withAgent("c-1", START.plusSeconds(40)).resolve(START.plusSeconds(300));
        metrics.resolved(resolved);

        assertThat(registry.get("baton.conversation.duration").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(300);
    }

    @Test
    void widgetMessagesAreCountedUnderTheirChannel() {
        metrics.widgetMessageReceived();

        assertThat(registry.get("baton.messages.received").tag("channel", "widget").counter().count()).isEqualTo(1);
        assertThat(registry.get("baton.messages.received").tag("channel", "console").counter().count()).isZero();
    }

    private double decisions(String kind) {
        return registry.get("baton.bot.decisions").tag("decision", kind).counter().count();
    }

    private static BotTurn turn(String conversationId, Decision decision, long classificationNanos, long latencyNanos,
                                boolean firstHandoff) {
        Optional<HandoffReason> reason = decision instanceof Decision.HandOff handOff ? Optional.of(handOff.reason()) : Optional.empty();
        return new BotTurn(conversationId, decision.recorded(new Classification(List.of(new IntentScore("shipping_costs", 0.9)))),
                reason, classificationNanos, latencyNanos, firstHandoff);
    }

    private static Conversation waiting(String id) {
        HandoffSummary summary = new HandoffSummary("Refunds", List.of(), HandoffReason.VISITOR_ASKED, "en", Optional.empty(),
                Mood.NEUTRAL, List.of(), List.of(), List.of(), START.plusSeconds(10), 0);
        return Conversation.start(id, "v-" + id, Optional.of("en"), START).handOff(summary, START.plusSeconds(10));
    }

    private static Conversation withAgent(String id, Instant at) {
        return waiting(id).assign(new AgentRef("ada", "Ada"), at);
    }

    private static Message agentMessage(String conversationId, Instant at) {
        return new Message(3, conversationId, Sender.AGENT, "Hello", List.of(), at, Optional.of("Ada"), Optional.empty(),
                Optional.empty(), OptionalLong.empty(), Optional.empty());
    }
}
