package dev.baton.store.memory;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.QueueMove;
import dev.baton.conversation.QueueRepair;
import dev.baton.store.SettableClock;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import java.time.Duration;
import java.util.List;

import static dev.baton.store.Fixtures.T0;
import static dev.baton.store.Fixtures.conversation;
import static dev.baton.store.Fixtures.visitorSays;
import static dev.baton.store.Fixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/** What only the in-memory store does: forget resolved conversations, and repair its own queue. */
class InMemoryConversationStoreTest {

    private static final Duration RETENTION = Duration.ofDays(30);

    private final SettableClock clock = new SettableClock(T0);
    private final InMemoryConversationStore store = new InMemoryConversationStore(clock, new InProcessConversationEvents(), RETENTION,
            InMemoryConversationStore.DEFAULT_CAPACITY);

    @Test
    void forgetsAResolvedConversationWithItsTranscriptAndIndexesARetentionAfterItWasResolved() {
        Conversation resolved = store.create(conversation("v-visitor-1", T0)).block();
        store.append(resolved.id(), visitorSays("my order never came", "m-1")).block();
        store.update(resolved.id(), c -> c.resolve(T0)).block();
        Conversation open = store.create(waiting("v-visitor-1", T0)).block();

        clock.advance(RETENTION.minusSeconds(1));
        store.create(conversation("v-visitor-2", clock.instant())).block();
        assertThat(store.find(resolved.id()).block()).as("kept for the whole retention").isNotNull();

        clock.advance(Duration.ofSeconds(1));
        store.create(conversation("v-visitor-3", clock.instant())).block();

        StepVerifier.create(store.find(resolved.id())).verifyComplete();
        StepVerifier.create(store.transcript(resolved.id(), 0)).verifyComplete();
        StepVerifier.create(store.append(resolved.id(), visitorSays("my order never came", "m-1"))).verifyComplete();
        StepVerifier.create(store.ofVisitor("v-visitor-1")).expectNext(open).verifyComplete();
    }

    @Test
    void forgetsAConversationLeftWithTheBotARetentionAfterItsLastTurnButNeverOneWaitingForAPerson() {
        Conversation left = store.create(conversation("v-visitor-1", T0)).block();
        store.append(left.id(), visitorSays("do you ship to Malta", "m-1")).block();
        Conversation waiting = store.create(waiting("v-visitor-2", T0)).block();
        clock.advance(Duration.ofDays(1));
        store.update(left.id(), c -> c.afterBotTurn("en", true, List.of(), clock.instant())).block();

        clock.advance(RETENTION.minusSeconds(1));
        store.evictNow().block();
        assertThat(store.find(left.id()).block()).as("kept for a retention after its last turn").isNotNull();

        clock.advance(Duration.ofSeconds(1));
        assertThat(store.evictNow().block()).isEqualTo(1);

        StepVerifier.create(store.find(left.id())).verifyComplete();
        StepVerifier.create(store.transcript(left.id(), 0)).verifyComplete();
        StepVerifier.create(store.ofVisitor("v-visitor-1")).verifyComplete();
        assertThat(store.find(waiting.id()).block()).isEqualTo(waiting);
    }

    @Test
    void aQuietStoreForgetsResolvedConversationsOnItsScheduleWithoutAnyWrite() {
        Conversation resolved = store.create(conversation("v-visitor-1", T0)).block();
        store.append(resolved.id(), visitorSays("my order never came", "m-1")).block();
        store.update(resolved.id(), c -> c.resolve(T0)).block();
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        Disposable evicting = store.evictEvery(Duration.ofMinutes(1), time).subscribe();

        clock.advance(RETENTION.minusMinutes(1));
        time.advanceTimeBy(Duration.ofMinutes(1));
        assertThat(store.find(resolved.id()).block()).as("kept for the whole retention").isNotNull();

        clock.advance(Duration.ofMinutes(1));
        time.advanceTimeBy(Duration.ofMinutes(1));
        evicting.dispose();

        StepVerifier.create(store.find(resolved.id())).verifyComplete();
        StepVerifier.create(store.transcript(resolved.id(), 0)).verifyComplete();
        StepVerifier.create(store.ofVisitor("v-visitor-1")).verifyComplete();
    }

    @Test
    void beyondItsCapacityForgetsTheLeastRecentlyActiveConversationNoPersonIsPartOf() {
        InMemoryConversationStore small = new InMemoryConversationStore(clock, new InProcessConversationEvents(), RETENTION, 3);
        Conversation quiet = small.create(conversation("v-visitor-1", T0)).block();
        Conversation waiting = small.create(waiting("v-visitor-2", T0)).block();
        Conversation forgotten = small.create(conversation("v-visitor-3", T0)).block();
        small.appendAsVisitor(forgotten.id(), "v-visitor-3", visitorSays("do you ship to Malta", "m-1")).block();
        Conversation busy = small.update(quiet.id(), c -> c.afterBotTurn("it", false, List.of(), T0.plusSeconds(5))).block();

        Conversation newest = small.create(conversation("v-visitor-4", T0)).block();

        StepVerifier.create(small.find(forgotten.id())).verifyComplete();
        StepVerifier.create(small.transcript(forgotten.id(), 0)).verifyComplete();
        StepVerifier.create(small.ofVisitor("v-visitor-3")).verifyComplete();
        StepVerifier.create(small.claimUnanswered(T0.plusSeconds(60), 10)).verifyComplete();
        assertThat(small.find(busy.id()).block()).as("updated after the forgotten one").isEqualTo(busy);
        assertThat(small.find(waiting.id()).block()).as("a visitor waiting for an agent is never forgotten").isEqualTo(waiting);
        assertThat(small.find(newest.id()).block()).isEqualTo(newest);
    }

    @Test
    void aStoreFullOfVisitorsWaitingForAgentsGrowsBeyondItsCapacityRatherThanDropOne() {
        InMemoryConversationStore small = new InMemoryConversationStore(clock, new InProcessConversationEvents(), RETENTION, 2);
        Conversation first = small.create(waiting("v-visitor-1", T0)).block();
        small.create(waiting("v-visitor-2", T0)).block();
        small.create(waiting("v-visitor-3", T0)).block();

        StepVerifier.create(small.queue().waiting()).expectNextCount(3).verifyComplete();
        assertThat(small.find(first.id()).block()).isEqualTo(first);
    }

    @Test
    void neverForgetsAConversationThatIsNotResolved() {
        Conversation waiting = store.create(waiting("v-visitor-1", T0)).block();

        clock.advance(RETENTION.multipliedBy(3));
        store.create(conversation("v-visitor-2", clock.instant())).block();

        StepVerifier.create(store.find(waiting.id())).expectNext(waiting).verifyComplete();
        StepVerifier.create(store.queue().waiting()).expectNext(waiting.id()).verifyComplete();
    }

    @Test
    void theQueueCheckRepairsAQueueThatDisagreesWithTheStates() {
        Conversation unqueued = store.create(waiting("v-visitor-1", T0)).block();
        Conversation stillQueued = store.create(waiting("v-visitor-2", T0)).block();
        Conversation atTheBot = store.create(conversation("v-visitor-3", T0)).block();
        store.queue().move(unqueued.id(), QueueMove.LEAVE);
        store.queue().move(atTheBot.id(), QueueMove.BACK);
        store.queue().move("c-gone", QueueMove.BACK);

        StepVerifier.create(store.repairQueue())
                .expectNext(new QueueRepair(atTheBot.id(), QueueRepair.Fault.NOT_WAITING))
                .expectNext(new QueueRepair("c-gone", QueueRepair.Fault.CONVERSATION_GONE))
                .expectNext(new QueueRepair(unqueued.id(), QueueRepair.Fault.NOT_QUEUED))
                .verifyComplete();

        StepVerifier.create(store.queue().waiting()).expectNext(stillQueued.id(), unqueued.id()).verifyComplete();
        StepVerifier.create(store.repairQueue()).verifyComplete();
    }
}
