package dev.baton.engine;

import dev.baton.conversation.AgentRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The agents' desk reports each step once it is stored, with how long the visitor waited for it. */
class DeskObservationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final AgentRef ADA = new AgentRef("ada", "Ada");

    private final InMemoryDesk world = new InMemoryDesk();

    @Test
    void anAcceptedConversationIsReportedWithItsWaitThenItsRepliesAndItsResolution() {
        String id = world.waiting("c-1", "en").id();
        world.clock.advance(Duration.ofSeconds(42));

        world.desk.accept(id, ADA).block(TIMEOUT);
        world.desk.reply(id, ADA, "Hello, Ada here.", Optional.of("a-1")).block(TIMEOUT);
        world.desk.reply(id, ADA, "Hello, Ada here.", Optional.of("a-1")).block(TIMEOUT);
        world.desk.resolve(id, ADA).block(TIMEOUT);

        assertThat(world.observed.steps).containsExactly(
                "assigned c-1 after PT42S", "agent replied in c-1", "resolved c-1");
    }

    @Test
    void aVisitorWhoStopsWaitingIsReportedWithTheirWait() {
        String id = world.waiting("c-1", "en").id();
        world.clock.advance(Duration.ofSeconds(7));

        world.handoffs.leaveQueue(world.stores.conversations().find(id).block(TIMEOUT)).block(TIMEOUT);

        assertThat(world.observed.steps).containsExactly("left queue c-1 after PT7S");
    }

    @Test
    void aRefusedStepIsNotReported() {
        String id = world.waiting("c-1", "en").id();
        world.desk.accept(id, ADA).block(TIMEOUT);

        assertThat(world.desk.accept(id, new AgentRef("bruno", "Bruno")).onErrorComplete().blockOptional(TIMEOUT)).isEmpty();
        assertThat(world.desk.resolve(id, new AgentRef("bruno", "Bruno")).onErrorComplete().blockOptional(TIMEOUT)).isEmpty();

        assertThat(world.observed.steps).containsExactly("assigned c-1 after PT0S");
    }

    @Test
    void aConversationWhoseAgentVanishedIsReportedRequeued() {
        String id = world.waiting("c-1", "en").id();
        world.desk.accept(id, ADA).block(TIMEOUT);

        world.desk.requeueConversationsOf("ada").blockLast(TIMEOUT);
        world.desk.accept(id, ADA).block(TIMEOUT);
        world.desk.handBack(id, ADA).block(TIMEOUT);

        assertThat(world.observed.steps).containsExactly(
                "assigned c-1 after PT0S", "requeued c-1", "assigned c-1 after PT0S", "handed back c-1");
    }
}
