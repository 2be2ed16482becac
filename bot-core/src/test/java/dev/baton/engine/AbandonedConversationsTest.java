package dev.baton.engine;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.Message;
import dev.baton.conversation.Mood;
import dev.baton.conversation.Sender;
import dev.baton.dialogue.BotPhrases;
import dev.baton.handoff.HandoffSummaryWriter;
import dev.baton.handoff.WaitEstimator;
import dev.baton.privacy.CustomerDetailExtractor;
import dev.baton.privacy.PersonalDataRedactor;
import dev.baton.store.memory.InMemoryAgentPresence;
import dev.baton.store.memory.InMemoryConversationStore;
import dev.baton.store.memory.InMemoryLeftMessages;
import dev.baton.store.memory.InProcessConversationEvents;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** No visitor stays with an agent who is gone. */
class AbandonedConversationsTest {

    private static final AgentRef ALICE = new AgentRef("alice", "Alice");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private Instant now = Instant.parse("2026-11-23T18:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final InProcessConversationEvents events = new InProcessConversationEvents();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore(clock, events);
    private final Stores stores = new Stores(conversations, conversations.queue(),
            new InMemoryAgentPresence(), new InMemoryLeftMessages(clock, Duration.ofDays(30)), events);
    private final PersonalDataRedactor redactor = new PersonalDataRedactor();
    private final Handoffs handoffs = new Handoffs(stores, new HandoffSummaryWriter(redactor, new CustomerDetailExtractor(redactor), id -> id),
            new WaitEstimator(Duration.ofMinutes(3)), new BotPhrases(), "en", clock);
    private final AgentDesk desk = new AgentDesk(stores, handoffs, "en", clock);
    private final AbandonedConversations abandoned = new AbandonedConversations(desk, stores.presence(), Set.of("alice", "bruno"), GRACE, clock);

    @Test
    void anAgentGoneLongerThanTheGracePeriodLosesTheirConversationsToTheFrontOfTheQueue() {
        stores.presence().connected("alice").block();
        Conversation withAlice = waiting("c-alice");
        desk.accept(withAlice.id(), ALICE).block();
        Conversation waitingLonger = waiting("c-waiting");

        stores.presence().disconnected("alice").block();
        assertThat(abandoned.sweep().collectList().block()).as("a console reload must not cost the visitor").isEmpty();
        now = now.plus(GRACE.minusSeconds(1));
        assertThat(abandoned.sweep().collectList().block()).isEmpty();
        now = now.plusSeconds(1);
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

        now = now.plusSeconds(10);
        stores.presence().connected("alice").block();
        abandoned.sweep().blockLast();
        now = now.plus(GRACE);

        assertThat(abandoned.sweep().collectList().block()).isEmpty();
        assertThat(stores.conversations().find("c-kept").block().isAssignedTo("alice")).isTrue();
    }

    private Conversation waiting(String id) {
        Conversation started = stores.conversations().create(Conversation.start(id, "v-12345678", Optional.of("en"), now)).block();
        HandoffSummary summary = new HandoffSummary("Refunds", List.of(), HandoffReason.VISITOR_ASKED, "en", Optional.empty(),
                Mood.NEUTRAL, List.of(), List.of(), List.of(), now, 0);
        return stores.conversations().update(started.id(), c -> c.handOff(summary, now)).block();
    }
}
