package dev.baton.conversation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conversation state machine: who may speak, and which moves are legal. */
class ConversationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");
    private static final AgentRef ALICE = new AgentRef("alice", "Alice");

    private final Conversation fresh = Conversation.start("c-1", "v-12345678", Optional.of("en"), NOW);

    @Test
    void goesFromBotToQueueToAgentAndBack() {
        Conversation waiting = fresh.handOff(summary(), NOW);
        Conversation withAgent = waiting.assign(ALICE, NOW);
        Conversation back = withAgent.returnToBot(NOW);

        assertThat(waiting.state()).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(withAgent.isAssignedTo("alice")).isTrue();
        assertThat(back.state()).isEqualTo(ConversationState.BOT);
        assertThat(back.agent()).isEmpty();
    }

    @Test
    void theBotSpeaksOnlyWhileItOwnsTheConversation() {
        assertThat(fresh.botMaySpeak()).isTrue();
        assertThat(fresh.handOff(summary(), NOW).botMaySpeak()).isFalse();
        assertThat(fresh.handOff(summary(), NOW).assign(ALICE, NOW).botMaySpeak()).isFalse();
    }

    @Test
    void refusesIllegalMovesWithAClearError() {
        assertThatThrownBy(() -> fresh.assign(ALICE, NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot assign conversation c-1 while it is BOT");
        Conversation resolved = fresh.resolve(NOW);
        assertThatThrownBy(() -> resolved.handOff(summary(), NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> resolved.resolve(NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void countsFailuresInARowAndForgetsThemOnSuccess() {
        Conversation once = fresh.afterBotTurn("en", false, List.of(), NOW);
        Conversation twice = once.afterBotTurn("en", false, List.of(), NOW);
        Conversation recovered = twice.afterBotTurn("it", true, List.of(), NOW);

        assertThat(twice.consecutiveFailures()).isEqualTo(2);
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.language()).contains("it");
    }

    private static HandoffSummary summary() {
        return new HandoffSummary("Refunds", List.of(), HandoffReason.VISITOR_ASKED, "en", Optional.empty(),
                Mood.NEUTRAL, List.of(), List.of(), List.of(), NOW, 0);
    }
}
