package dev.baton.analytics;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.Mood;
import dev.baton.store.SettableClock;
import dev.baton.store.memory.InMemoryConversationOutcomes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the recorder makes of the steps the engine and the desk report. */
class OutcomeRecorderTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final AgentRef ALICE = new AgentRef("alice", "Alice");

    private final SettableClock clock = new SettableClock(T0);
    private final InMemoryConversationOutcomes outcomes = new InMemoryConversationOutcomes(Duration.ofDays(30));
    private final OutcomeRecorder recorder = new OutcomeRecorder(outcomes, clock);

    @Test
    void aConversationResolvedByAnAgentHasItsReasonWaitFirstResponseAndResolution() {
        Conversation started = Conversation.start("c-1", "v-1", Optional.of("en"), T0);
        recorder.visitorWrote("c-1", true);
        recorder.visitorWrote("c-1", false);
        Conversation waiting = started.handOff(summary(HandoffReason.FRUSTRATION, T0.plusSeconds(10)), T0.plusSeconds(10));
        Conversation assigned = waiting.assign(ALICE, T0.plusSeconds(40));
        recorder.assigned(assigned, Duration.ofSeconds(30));
        recorder.agentReplied(assigned, reply(T0.plusSeconds(70)));
        recorder.agentReplied(assigned, reply(T0.plusSeconds(90)));
        clock.advance(Duration.ofSeconds(600));
        recorder.resolved(assigned.resolve(T0.plusSeconds(600)));

        assertThat(outcomes.between(T0, T0.plusSeconds(601)).collectList().block()).containsExactly(
                ConversationOutcome.engaged("c-1", T0),
                ConversationOutcome.finished("c-1", T0.plusSeconds(600), HandoffReason.FRUSTRATION, Optional.of("alice"),
                        Optional.of(Duration.ofSeconds(30)), Optional.of(Duration.ofSeconds(60)), Optional.of(Duration.ofSeconds(600))));
    }

    @Test
    void aConversationThatLeftTheQueueIsHandedOffWithNobodyAndNoMeasures() {
        Conversation waiting = Conversation.start("c-2", "v-2", Optional.of("en"), T0)
                .handOff(summary(HandoffReason.VISITOR_ASKED, T0), T0);
        recorder.leftQueue(waiting.stopWaiting(T0.plusSeconds(5)), Duration.ofSeconds(5));

        assertThat(outcomes.between(T0, T0.plusSeconds(1)).collectList().block()).containsExactly(
                ConversationOutcome.finished("c-2", T0, HandoffReason.VISITOR_ASKED, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()));
    }

    private static Message reply(Instant at) {
        return Message.stored(1, "c-1", MessageDraft.fromAgent("Alice", "Hello", Optional.empty()), at);
    }

    private static HandoffSummary summary(HandoffReason reason, Instant at) {
        return new HandoffSummary("Refunds", List.of(), reason, "en", Optional.empty(), Mood.NEUTRAL, List.of(), List.of(),
                List.of(), at, 0);
    }
}
