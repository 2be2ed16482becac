package dev.baton.store.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * One value per conversation in this node's memory, each kept for {@code retention} from the time it is put with, and
 * at most {@code capacity} of them: a value put again moves to the end, so the least recently put are forgotten first,
 * by age as by count (values come in time order). Thread-safe.
 */
final class RecentByConversation<V> {

    private record Put<V>(V value, Instant at) {
    }

    private final Clock clock;
    private final Duration retention;
    private final int capacity;
    /** By conversation, least recently put first. */
    private final LinkedHashMap<String, Put<V>> values = new LinkedHashMap<>();

    RecentByConversation(Clock clock, Duration retention, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.clock = clock;
        this.retention = retention;
        this.capacity = capacity;
    }

    /** @param at when the value was given, from which its retention runs */
    synchronized void put(String conversationId, V value, Instant at) {
        forgetExpired();
        values.remove(conversationId);
        values.put(conversationId, new Put<>(value, at));
        Iterator<Put<V>> oldestFirst = values.values().iterator();
        while (values.size() > capacity) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    /** The value, or null when there is none younger than the retention. */
    synchronized V get(String conversationId) {
        forgetExpired();
        Put<V> put = values.get(conversationId);
        return put == null ? null : put.value();
    }

    /** Whether there was one. */
    synchronized boolean remove(String conversationId) {
        return values.remove(conversationId) != null;
    }

    private void forgetExpired() {
        Instant cutoff = clock.instant().minus(retention);
        Iterator<Put<V>> oldestFirst = values.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().at().isBefore(cutoff)) {
            oldestFirst.remove();
        }
    }
}
