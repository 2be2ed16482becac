package dev.baton.engine;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** No visitor stays with an agent who is gone. */
class AbandonedConversationsTest {

    private static final AgentRef ALICE = new AgentRef("alice", "Alice");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final InMemoryDesk world = new InMemoryDesk();
    private final Stores stores = world.stores;
    private final AgentDesk desk = world.desk;
    private final AbandonedConversations abandoned = new AbandonedConversations(desk, stores.presence(), Set.of("alice", "bruno"), GRACE, world.clock);

    @Test
    void anAgentGoneLongerThanTheGracePeriodLosesTheirConversationsToTheFrontOfTheQueue() {
        stores.presence().connected("alice").block();
        Conversation withAlice = waiting("c-alice");
        desk.accept(withAlice.id(), ALICE).block();
        Conversation waitingLonger = waiting("c-waiting");

        stores.presence().disconnected("alice").block();
        assertThat(abandoned.sweep().collectList().block()).as("a console reload must not cost the visitor").isEmpty();
        world.clock.advance(GRACE.minusSeconds(1));
        assertThat(abandoned.sweep().collectList().block()).isEmpty();
        world.clock.advance(Duration.ofSeconds(1));
        List<Conversation> requeued = abandoned.sweep().collectList().block();

        assertThat(requeued).extracting(Conversation::id).containsExactly("c-alice");
        Conversation back = stores.conversations().find("c-alice").block();
        assertThat(back.state()).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(back.agent()).isEmpty();
        assertThat(back.handoff()).as("the summary stays for the next agent").isPresent();
        assertThat(stores.queue().waiting().collectList().block()).containsExactly("c-alice", waitingLonger.id());
        Message note = stores.conversations().transcript("c-alice", 0).last().block();
        assertThat(note.from()).isEqualTo(Sender.SYSTEM);
        assertThat(note.text()).startsWith("Alice was disconnected");
    }

    @Test
    void anAgentWhoComesBackInTimeKeepsTheirConversations() {
        stores.presence().connected("alice").block();
        desk.accept(waiting("c-kept").id(), ALICE).block();
        stores.presence().disconnected("alice").block();
        abandoned.sweep().blockLast();

        world.clock.advance(Duration.ofSeconds(10));
        stores.presence().connected("alice").block();
        abandoned.sweep().blockLast();
        world.clock.advance(GRACE);

        assertThat(abandoned.sweep().collectList().block()).isEmpty();
        assertThat(stores.conversations().find("c-kept").block().isAssignedTo("alice")).isTrue();
    }

    private Conversation waiting(String id) {
        return world.waiting(id, "en");
    }
}
