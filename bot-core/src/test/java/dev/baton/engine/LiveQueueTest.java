package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.Mood;
import dev.baton.dialogue.BotPhrases;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.Teams;
import dev.baton.handoff.AgentQueue;
import dev.baton.handoff.HandoffSummaryWriter;
import dev.baton.handoff.WaitEstimator;
import dev.baton.observation.ConversationLog;
import dev.baton.privacy.CustomerDetailExtractor;
import dev.baton.privacy.PersonalDataRedactor;
import dev.baton.store.memory.InMemoryPresence;
import dev.baton.store.memory.InMemoryConversationStore;
import dev.baton.store.memory.InMemoryLeftMessages;
import dev.baton.store.memory.InProcessConversationEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.scheduler.VirtualTimeScheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One read of the queue per burst of changes, shared by everyone on the node; in virtual time. */
class LiveQueueTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration REFRESH = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final InProcessConversationEvents events = new InProcessConversationEvents();
    private final AtomicInteger queueReads = new AtomicInteger();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore(Clock.fixed(NOW, ZoneOffset.UTC), events);
    private final Stores stores = new Stores(conversations, countingReads(conversations.queue()), new InMemoryPresence(Clock.fixed(NOW, ZoneOffset.UTC)),
            new InMemoryLeftMessages(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30)), events, new InMemoryPresence(Clock.fixed(NOW, ZoneOffset.UTC)));
    private final PersonalDataRedactor redactor = new PersonalDataRedactor();
    private final Handoffs handoffs = new Handoffs(stores, new HandoffSummaryWriter(redactor, new CustomerDetailExtractor(redactor), id -> id),
            new WaitEstimator(Duration.ofMinutes(3)), new BotPhrases(), "en", Clock.fixed(NOW, ZoneOffset.UTC),
            new ConversationLog(), Teams.none(BusinessHours.always()), new AgentRoster(List.of()));
    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final List<List<String>> seen = new CopyOnWriteArrayList<>();
    private LiveQueue queue;

    @AfterEach
    void close() {
        queue.close();
        time.dispose();
    }

    @Test
    void aBurstOfChangesIsReadOnceAndShownWithinTheInterval() {
        start();
        time.advanceTime();
        assertThat(seen).containsExactly(List.of());

        for (int i = 1; i <= 10; i++) {
            waiting("c-" + i);
        }
        time.advanceTimeBy(INTERVAL.minusMillis(1));
        assertThat(queueReads).as("the ten changes fall in the interval after the first read").hasValue(1);

        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(queueReads).hasValue(2);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).hasSize(10).startsWith("c-1").endsWith("c-10");
    }

    @Test
    void aChangeAfterAQuietSpellIsReadAtOnce() {
        start();
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(queueReads).hasValue(1);

        waiting("c-1");
        time.advanceTime();

        assertThat(queueReads).hasValue(2);
        assertThat(seen).last().isEqualTo(List.of("c-1"));
    }

    @Test
    void changesDuringTheIntervalAfterAReadWaitForItsEndAndAreReadTogether() {
        start();
        time.advanceTimeBy(Duration.ofSeconds(1));
        waiting("c-1");
        time.advanceTimeBy(Duration.ofMillis(30));
        waiting("c-2");
        time.advanceTimeBy(Duration.ofMillis(30));
        waiting("c-3");
        time.advanceTimeBy(Duration.ofMillis(39));
        assertThat(queueReads).hasValue(2);

        time.advanceTimeBy(Duration.ofMillis(1));

        assertThat(queueReads).hasValue(3);
        assertThat(seen).last().isEqualTo(List.of("c-1", "c-2", "c-3"));
    }

    @Test
    void aChangeWhoseEventWasMissedShowsAtTheNextRefresh() {
        start();
        time.advanceTime();
        Conversation started = stores.conversations().create(Conversation.start("c-quiet", "v-12345678", Optional.of("en"), NOW)).block();
        stores.conversations().update(started.id(), c -> c.handOff(summary(), NOW)).block();

        time.advanceTimeBy(REFRESH.minusMillis(1));
        assertThat(seen).last().isEqualTo(List.of());
        time.advanceTimeBy(Duration.ofMillis(1));

        assertThat(seen).last().isEqualTo(List.of("c-quiet"));
    }

    @Test
    void everyWaitingVisitorIsToldWhatQueueStatusWouldTellThemAlone() {
        stores.presence().connected("alice").block();
        start();
        waiting("c-1");
        waiting("c-2");
        time.advanceTimeBy(INTERVAL);

        QueueSnapshot snapshot = queue.observe().blockFirst();

        assertThat(snapshot.statusOf("c-1")).contains(handoffs.queueStatus("c-1").block());
        assertThat(snapshot.statusOf("c-2")).contains(handoffs.queueStatus("c-2").block());
        assertThat(snapshot.statusOf("c-2").orElseThrow().position()).isEqualTo(2);
        assertThat(snapshot.statusOf("c-unknown")).isEmpty();
    }

    private void start() {
        queue = new LiveQueue(stores, handoffs, INTERVAL, REFRESH, time);
        queue.observe().subscribe(s -> seen.add(s.waiting().stream().map(Conversation::id).toList()));
    }

    /** Hands a new conversation off as the engine does: queued with its state, then the change announced. */
    private void waiting(String id) {
        Conversation started = stores.conversations().create(Conversation.start(id, "v-12345678", Optional.of("en"), NOW)).block();
        stores.conversations().update(started.id(), c -> c.handOff(summary(), NOW)).block();
        events.publish(new ConversationEvent.QueueChanged(id)).block();
    }

    private static HandoffSummary summary() {
        return new HandoffSummary("Refunds", List.of(), HandoffReason.VISITOR_ASKED, "en", Optional.empty(),
                Mood.NEUTRAL, List.of(), List.of(), List.of(), NOW, 0);
    }

    private AgentQueue countingReads(AgentQueue queue) {
        return new AgentQueue() {
            @Override
            public Flux<String> waiting() {
                return Flux.defer(() -> {
                    queueReads.incrementAndGet();
                    return queue.waiting();
                });
            }
        };
    }
}
