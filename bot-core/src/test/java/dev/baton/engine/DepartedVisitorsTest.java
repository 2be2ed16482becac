package dev.baton.engine;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;
import dev.baton.handoff.Presence;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.baton.engine.InMemoryDesk.VISITOR_GRACE;
import static org.assertj.core.api.Assertions.assertThat;

/** Nobody waits in the queue behind a visitor who closed the tab. */
class DepartedVisitorsTest {

    private final InMemoryDesk world = new InMemoryDesk();
    private final Presence visitors = world.stores.visitorPresence();
    private final DepartedVisitors departed = new DepartedVisitors(world.stores, world.handoffs, VISITOR_GRACE, "en", world.clock);

    @Test
    void aVisitorGoneLongerThanTheGraceLeavesTheQueueWithANoteInTheirLanguage() {
        Conversation gone = waitingWithSocket("c-gone", "it");
        waitingWithSocket("c-here", "en");

        visitors.disconnected(gone.id()).block();
        assertThat(departed.sweep().collectList().block()).as("a reload must not cost the visitor their place").isEmpty();
        world.clock.advance(VISITOR_GRACE.minusSeconds(1));
        assertThat(departed.sweep().collectList().block()).isEmpty();
        world.clock.advance(Duration.ofSeconds(1));
        List<Conversation> left = departed.sweep().collectList().block();

        assertThat(left).extracting(Conversation::id).containsExactly("c-gone");
        assertThat(world.stores.conversations().find("c-gone").block().state()).isEqualTo(ConversationState.BOT);
        assertThat(world.stores.queue().waiting().collectList().block()).containsExactly("c-here");
        Message note = lastMessage("c-gone");
        assertThat(note.from()).isEqualTo(Sender.SYSTEM);
        assertThat(note.text()).isEqualTo("Il visitatore se n'è andato prima che un operatore fosse libero.");
    }

    @Test
    void aVisitorWhoComesBackWithinTheGraceKeepsTheirPlace() {
        Conversation back = waitingWithSocket("c-back", "en");
        waitingWithSocket("c-behind", "en");

        visitors.disconnected(back.id()).block();
        world.clock.advance(VISITOR_GRACE.minusSeconds(10));
        visitors.connected(back.id()).block();
        world.clock.advance(VISITOR_GRACE.multipliedBy(3));

        assertThat(departed.sweep().collectList().block()).isEmpty();
        assertThat(world.stores.queue().waiting().collectList().block()).containsExactly("c-back", "c-behind");
    }

    @Test
    void nodesSweepingTheSameQueueTakeTheVisitorOutOnceWithOneNote() {
        Conversation gone = waitingWithSocket("c-gone", "en");
        visitors.disconnected(gone.id()).block();
        world.clock.advance(VISITOR_GRACE);
        DepartedVisitors otherNode = new DepartedVisitors(world.stores, world.handoffs, VISITOR_GRACE, "en", world.clock);

        List<Conversation> left = reactor.core.publisher.Flux.merge(departed.sweep(), otherNode.sweep(), departed.sweep())
                .collectList().block();

        assertThat(left).extracting(Conversation::id).containsExactly("c-gone");
        assertThat(world.stores.conversations().transcript("c-gone", 0).map(Message::text).collectList().block())
                .containsOnlyOnce("The visitor left before an agent was free.");
    }

    @Test
    void aConversationAnAgentTookIsNotTakenFromThemWhenItsVisitorLeaves() {
        Conversation taken = waitingWithSocket("c-taken", "en");
        world.desk.accept(taken.id(), new AgentRef("alice", "Alice")).block();
        visitors.disconnected(taken.id()).block();
        world.clock.advance(VISITOR_GRACE.multipliedBy(2));

        assertThat(departed.sweep().collectList().block()).isEmpty();
        assertThat(world.stores.conversations().find("c-taken").block().isAssignedTo("alice")).isTrue();
    }

    @Test
    void aWaitingVisitorIsToldTheirPlaceCountingOnlyTheVisitorsAheadWhoAreThere() {
        Conversation gone = waitingWithSocket("c-1", "en");
        waitingWithSocket("c-2", "en");
        waitingWithSocket("c-3", "en");
        world.stores.presence().connected("alice").block();

        visitors.disconnected(gone.id()).block();
        assertThat(world.handoffs.queueStatus("c-3").block().position()).as("still within the grace").isEqualTo(3);
        world.clock.advance(VISITOR_GRACE);

        var status = world.handoffs.queueStatus("c-3").block();
        assertThat(status.position()).isEqualTo(2);
        assertThat(status.estimatedWaitSeconds()).as("two turns of three minutes with one agent").isEqualTo(360);
        assertThat(world.handoffs.queueStatus("c-2").block().position()).isEqualTo(1);
    }

    @Test
    void aVisitorNotQueuedHasNoPlace() {
        waitingWithSocket("c-1", "en");

        assertThat(world.handoffs.queueStatus("c-elsewhere").blockOptional()).isEmpty();
    }

    private Conversation waitingWithSocket(String id, String language) {
        Conversation waiting = world.waiting(id, language);
        visitors.connected(id).block();
        return waiting;
    }

    private Message lastMessage(String conversationId) {
        return world.stores.conversations().transcript(conversationId, 0).last().block();
    }
}
