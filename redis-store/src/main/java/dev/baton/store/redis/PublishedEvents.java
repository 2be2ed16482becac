package dev.baton.store.redis;

import dev.baton.events.ConversationEvent;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The events this node published and has not heard back yet, by the JSON it published: a node hears its own events
 * from Redis like everyone else's (which keeps their order), and taking the event it published is a lookup, where
 * reading its JSON again cost as much as writing it. On one node at 2,000 msg/s on Redis, reading events back was
 * 664 of 14,021 CPU samples (async-profiler; docs/benchmarks.md, "Events this node published are not read back").
 *
 * <p>At most {@link #CAPACITY} wait: each takes a slot of a ring, and the one published {@code CAPACITY} events
 * before is forgotten when its slot is taken again, so an event that never comes back (its script refused it, or
 * pub/sub lost it) leaves no trace for long; one heard after that is read like another node's. Why not a Caffeine
 * cache: its upkeep on every write took most of what it saved (382 samples against the 664 of reading every event;
 * 691, more than it saved, with its default executor waking a pool thread for every event), where a map entry and a
 * slot take 159. Another node's event with the same JSON as one of this node's is the same event, so taking either
 * is right.
 */
final class PublishedEvents {

    /** About two seconds of events at 2,000 msg/s: far longer than an event takes to come back. */
    static final int CAPACITY = 8_192;

    private record Unheard(String json, ConversationEvent event, int slot) {
    }

    private final ConcurrentHashMap<String, Unheard> unheard = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<String> slots = new AtomicReferenceArray<>(CAPACITY);
    private final AtomicInteger published = new AtomicInteger();

    /** Remembers {@code event} as about to be published as {@code json}; returns {@code json}. */
    String publishing(String json, ConversationEvent event) {
        int slot = Math.floorMod(published.getAndIncrement(), CAPACITY);
        unheard.put(json, new Unheard(json, event, slot));
        String oldest = slots.getAndSet(slot, json);
        if (oldest != null) {
            // Only the entry that holds this very string: the same JSON published again since has a slot of its own.
            unheard.computeIfPresent(oldest, (key, waiting) -> waiting.json() == oldest ? null : waiting);
        }
        return json;
    }

    /** The event this node published as {@code json}, once; empty if it did not, or forgot it. */
    Optional<ConversationEvent> heardBack(String json) {
        Unheard heard = unheard.remove(json);
        if (heard == null) {
            return Optional.empty();
        }
        slots.compareAndSet(heard.slot(), heard.json(), null);
        return Optional.of(heard.event());
    }

    /** How many events wait to be heard back. */
    int waiting() {
        return unheard.size();
    }
}
