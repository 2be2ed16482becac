package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.conversation.QueueRepair;
import dev.baton.dialogue.BotPhrases;
import dev.baton.dialogue.MoodReading;
import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.Teams;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.HandoffSummaryWriter;
import dev.baton.handoff.WaitEstimator;
import dev.baton.observation.ConversationLog;
import dev.baton.privacy.CustomerDetailExtractor;
import dev.baton.privacy.PersonalDataRedactor;
import dev.baton.store.Fixtures;
import dev.baton.store.SettableClock;
import dev.baton.store.memory.InMemoryPresence;
import dev.baton.store.memory.InMemoryConversationStore;
import dev.baton.store.memory.InMemoryLeftMessages;
import dev.baton.store.memory.InProcessConversationEvents;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static dev.baton.store.Fixtures.ALICE;
import static dev.baton.store.Fixtures.BRUNO;
import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A conversation's state and its place in the queue change together, whatever fails when: every transition is one
 * write, and a store command that times out — before it reached the store, or after, with the reply lost — leaves
 * both as they were or both changed, never a visitor waiting outside the queue.
 */
class QueueTransitionsTest {

    private final SettableClock clock = new SettableClock(T0);
    private final InProcessConversationEvents events = new InProcessConversationEvents();
    private final InMemoryConversationStore memory = new InMemoryConversationStore(clock, events);
    private final FlakyWrites conversations = new FlakyWrites(memory);
    private final Stores stores = new Stores(conversations, memory.queue(), new InMemoryPresence(clock),
            new InMemoryLeftMessages(clock, Duration.ofDays(30)), events, new InMemoryPresence(clock));
    private final PersonalDataRedactor redactor = new PersonalDataRedactor();
    private final Handoffs handoffs = new Handoffs(stores, new HandoffSummaryWriter(redactor, new CustomerDetailExtractor(redactor), id -> id),
            new WaitEstimator(Duration.ofMinutes(3)), new BotPhrases(), "en", clock, new ConversationLog(), Teams.none(BusinessHours.always()),
            new AgentRoster(List.of()));
    private final AgentDesk desk = new AgentDesk(stores, handoffs, new AgentRoster(List.of()), "en", clock);

    @Test
    void aHandoffWhoseReplyWasLostLeavesTheVisitorQueuedAndAbleToStopWaiting() {
        Conversation c = atTheBot("c-1");

        conversations.failNextUpdate(Failure.AFTER_WRITING);
        assertThatThrownBy(() -> handOff(c)).hasMessageContaining("timed out");

        assertThat(state("c-1")).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(queue()).containsExactly("c-1");
        assertTheVisitorCanStopWaiting("c-1");
    }

    @Test
    void aHandoffThatNeverReachedTheStoreLeavesTheConversationWithTheBotAndOutOfTheQueue() {
        Conversation c = atTheBot("c-1");

        conversations.failNextUpdate(Failure.BEFORE_WRITING);
        assertThatThrownBy(() -> handOff(c)).hasMessageContaining("timed out");

        assertThat(state("c-1")).isEqualTo(ConversationState.BOT);
        assertThat(queue()).isEmpty();
    }

    @Test
    void aFailedAcceptLeavesTheConversationWaitingInItsPlace() {
        waiting("c-1");
        waiting("c-2");

        conversations.failNextUpdate(Failure.BEFORE_WRITING);
        assertThatThrownBy(() -> desk.accept("c-1", ALICE).block()).hasMessageContaining("timed out");

        assertThat(state("c-1")).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(queue()).containsExactly("c-1", "c-2");
        assertThat(desk.accept("c-1", BRUNO).block().isAssignedTo("bruno")).isTrue();
        assertThat(queue()).containsExactly("c-2");
    }

    @Test
    void anAcceptWhoseReplyWasLostHasTakenTheConversationOutOfTheQueue() {
        waiting("c-1");

        conversations.failNextUpdate(Failure.AFTER_WRITING);
        assertThatThrownBy(() -> desk.accept("c-1", ALICE).block()).hasMessageContaining("timed out");

        assertThat(find("c-1").isAssignedTo("alice")).isTrue();
        assertThat(queue()).isEmpty();
        assertThatThrownBy(() -> desk.accept("c-1", BRUNO).block()).isInstanceOf(AlreadyTakenException.class);
    }

    @Test
    void aFailedStopWaitingLeavesTheVisitorInTheQueueAndWorksWhenTried() {
        waiting("c-1");

        conversations.failNextUpdate(Failure.BEFORE_WRITING);
        assertThatThrownBy(() -> handoffs.leaveQueue(find("c-1")).block()).hasMessageContaining("timed out");

        assertThat(state("c-1")).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(queue()).containsExactly("c-1");
        assertTheVisitorCanStopWaiting("c-1");
    }

    @Test
    void aFailedResolveOfAWaitingConversationLeavesItQueued() {
        waiting("c-1");

        conversations.failNextUpdate(Failure.BEFORE_WRITING);
        assertThatThrownBy(() -> desk.resolve("c-1", ALICE).block()).hasMessageContaining("timed out");

        assertThat(state("c-1")).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(queue()).containsExactly("c-1");
        desk.resolve("c-1", ALICE).block();
        assertThat(queue()).isEmpty();
    }

    @Test
    void aConversationRequeuedWithItsReplyLostIsAtTheFrontOfTheQueue() {
        waiting("c-taken");
        desk.accept("c-taken", ALICE).block();
        waiting("c-waiting");

        conversations.failNextUpdate(Failure.AFTER_WRITING);
        assertThatThrownBy(() -> desk.requeueConversationsOf("alice").blockLast()).hasMessageContaining("timed out");

        assertThat(state("c-taken")).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(queue()).containsExactly("c-taken", "c-waiting");
    }

    @Test
    void anAgentCannotResolveAConversationStillWithTheBot() {
        atTheBot("c-1");

        assertThatThrownBy(() -> desk.resolve("c-1", ALICE).block())
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("no agent is part of it");
        assertThat(state("c-1")).isEqualTo(ConversationState.BOT);
    }

    @Test
    void anAgentCannotResolveSomeoneElsesConversation() {
        waiting("c-1");
        desk.accept("c-1", ALICE).block();

        assertThatThrownBy(() -> desk.resolve("c-1", BRUNO).block()).isInstanceOf(IllegalTransitionException.class);
        assertThat(desk.resolve("c-1", ALICE).block().state()).isEqualTo(ConversationState.RESOLVED);
    }

    @Test
    void theQueueCheckAnnouncesEachRepairSoConsolesReadTheQueueAgain() {
        conversations.repairs = List.of(new QueueRepair("c-1", QueueRepair.Fault.NOT_QUEUED));

        StepVerifier.create(events.observe().filter(ConversationEvent.QueueChanged.class::isInstance).take(1))
                .then(() -> new QueueCheck(stores).run().blockLast())
                .expectNext(new ConversationEvent.QueueChanged("c-1"))
                .verifyComplete();
    }

    private void assertTheVisitorCanStopWaiting(String id) {
        handoffs.leaveQueue(find(id)).block();
        assertThat(state(id)).isEqualTo(ConversationState.BOT);
        assertThat(queue()).doesNotContain(id);
    }

    private Conversation atTheBot(String id) {
        return memory.create(Conversation.start(id, "v-12345678", Optional.of("en"), clock.instant())).block();
    }

    private void waiting(String id) {
        handOff(atTheBot(id));
    }

    private void handOff(Conversation c) {
        handoffs.handOff(c, UnaryOperator.identity(), HandoffReason.VISITOR_ASKED, Fixtures.visitorAskedForAPerson(), "en", Optional.empty(), MoodReading.NEUTRAL, Optional.empty(), Optional.empty(), intent -> Optional.empty()).block();
    }

    private Conversation find(String id) {
        return memory.find(id).block();
    }

    private ConversationState state(String id) {
        return find(id).state();
    }

    private List<String> queue() {
        return stores.queue().waiting().collectList().block();
    }

    private enum Failure { BEFORE_WRITING, AFTER_WRITING }

    /** Fails the next update as a store command that times out: before it reached the store, or after it wrote. */
    private static final class FlakyWrites extends DelegatingConversationStore {
        private volatile Failure next;
        private volatile List<QueueRepair> repairs;

        FlakyWrites(ConversationStore store) {
            super(store);
        }

        void failNextUpdate(Failure failure) {
            next = failure;
        }

        @Override
        public Mono<Conversation> update(String conversationId, UnaryOperator<Conversation> change) {
            return flaky(store.update(conversationId, change));
        }

        /** An accept counts the agent's conversations in the same write: it fails the same ways. */
        @Override
        public Mono<Conversation> updateWithinCapacity(String conversationId, UnaryOperator<Conversation> change, int capacity) {
            return flaky(store.updateWithinCapacity(conversationId, change, capacity));
        }

        private Mono<Conversation> flaky(Mono<Conversation> write) {
            Failure failure = next;
            next = null;
            Mono<Conversation> timeout = Mono.error(new IllegalStateException("command timed out"));
            if (failure == null) {
                return write;
            }
            return failure == Failure.BEFORE_WRITING ? timeout : write.then(timeout);
        }

        @Override
        public Flux<QueueRepair> repairQueue() {
            return repairs == null ? store.repairQueue() : Flux.fromIterable(repairs);
        }
    }
}
