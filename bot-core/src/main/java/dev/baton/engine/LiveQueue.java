package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's view of the waiting queue, shared by every agent console and every waiting visitor connected to it.
 *
 * <p>When each console re-read the whole queue on every change, and each waiting visitor its own place, one
 * handoff cost as many store reads as there were consoles and visitors open. Here the node re-reads the queue
 * once per burst of changes — at once for the first change, then at most once per {@code interval} however many
 * follow — and everyone shares the result; conversations still queued since the previous read are not read again.
 * A change therefore shows within about {@code interval} plus two reads. A re-read every {@code refresh} as well
 * corrects the view should a change's event be missed (events between nodes are at most once). An agent's console
 * connecting or going away is a change too: it moves the estimates and the number of agents online every visitor is
 * told, so each node reads that number once per burst of such changes, not once per visitor.
 */
public final class LiveQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveQueue.class);
    /** Conversations read at once when many joined the queue since the last read. */
    private static final int READS_IN_FLIGHT = 32;

    private final Stores stores;
    private final Handoffs handoffs;
    private final Sinks.Many<QueueSnapshot> snapshots = Sinks.many().replay().latest();
    private final Disposable subscription;
    /** The conversations of the last read, by id; only ever touched by one read at a time. */
    private Map<String, Conversation> known = Map.of();
    /** Conversations whose state changed since the last read began. */
    private final Set<String> changedSinceRead = ConcurrentHashMap.newKeySet();

    /**
     * Starts at once with a first read.
     *
     * @param interval  the shortest time between two reads, however fast the changes come
     * @param refresh   how often the queue is read even when no change was heard of
     * @param scheduler where the waiting happens and where snapshots are handed out (never on a store's I/O thread)
     */
    public LiveQueue(Stores stores, Handoffs handoffs, Duration interval, Duration refresh, Scheduler scheduler) {
        this.stores = stores;
        this.handoffs = handoffs;
        Flux<Object> changes = Flux.merge(
                stores.events().observe().doOnNext(this::forgetChanged).filter(LiveQueue::changesTheView),
                Flux.interval(Duration.ZERO, refresh, scheduler));
        this.subscription = changes
                // While a read runs, and for the interval after it, further changes fold into one that waits.
                .onBackpressureLatest()
                .concatMap(change -> read()
                        .onErrorResume(failure -> {
                            log.warn("Could not read the waiting queue; the next change or refresh tries again: {}", failure.toString());
                            return Mono.empty();
                        })
                        .publishOn(scheduler)
                        .doOnNext(snapshots::tryEmitNext)
                        .then(Mono.delay(interval, scheduler)), 0)
                .subscribe();
    }

    /**
     * The latest snapshot, then each new one. Hot; a late subscriber gets the latest at once (none before the first
     * read completes). Snapshots are handed out one at a time, on the scheduler given.
     */
    public Flux<QueueSnapshot> observe() {
        return snapshots.asFlux();
    }

    private static boolean changesTheView(ConversationEvent event) {
        return event instanceof ConversationEvent.QueueChanged || event instanceof ConversationEvent.AgentPresenceChanged;
    }

    /**
     * A conversation that changed state is read again even if it seemed queued all along: it may have been taken and
     * transferred back to another team's queue between two reads.
     */
    private void forgetChanged(ConversationEvent event) {
        if (event instanceof ConversationEvent.StateChanged) {
            changedSinceRead.add(event.conversationId());
        }
    }

    private Mono<QueueSnapshot> read() {
        Map<String, Conversation> before = new HashMap<>(known);
        changedSinceRead.removeIf(id -> {
            before.remove(id);
            return true;
        });
        // The ids are collected before any conversation is read: on Redis, a result stream its subscriber does not
        // drain pauses its whole connection, which would hold up the very reads that drain it.
        return stores.queue().waiting().collectList()
                .flatMapMany(Flux::fromIterable)
                .flatMapSequential(id -> {
                    Conversation seen = before.get(id);
                    return seen != null ? Mono.just(seen) : stores.conversations().find(id);
                }, READS_IN_FLIGHT)
                .collectList()
                .flatMap(waiting -> stores.visitorPresence().seen(waiting.stream().map(Conversation::id).toList())
                        .zipWith(handoffs.agentsOnline())
                        .map(read -> {
                            Map<String, Conversation> now = new HashMap<>(waiting.size() * 2);
                            waiting.forEach(c -> now.put(c.id(), c));
                            known = now;
                            return handoffs.snapshot(waiting, read.getT1(), read.getT2());
                        }));
    }

    @Override
    public void close() {
        subscription.dispose();
        snapshots.tryEmitComplete();
    }
}
