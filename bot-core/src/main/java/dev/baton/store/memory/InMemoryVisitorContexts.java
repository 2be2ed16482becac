package dev.baton.store.memory;

import dev.baton.conversation.VisitorContext;
import dev.baton.conversation.VisitorContexts;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Visitor contexts in this node's memory, each kept for the retention from when it was told, and at most as many as
 * the in-memory conversation store keeps conversations (re-told ones move to the end, so the oldest are forgotten first
 * as new ones come).
 */
public final class InMemoryVisitorContexts implements VisitorContexts {

    private final Clock clock;
    private final Duration retention;
    private final int capacity;
    /** By conversation, least recently told first. */
    private final LinkedHashMap<String, Told> told = new LinkedHashMap<>();

    private record Told(VisitorContext context, Instant at) {
    }

    /** @param capacity at most this many contexts are kept, the least recently told forgotten first */
    public InMemoryVisitorContexts(Clock clock, Duration retention, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.clock = clock;
        this.retention = retention;
        this.capacity = capacity;
    }

    @Override
    public Mono<Void> remember(String conversationId, VisitorContext context) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                forgetOlderThan(clock.instant().minus(retention));
                told.remove(conversationId);
                told.put(conversationId, new Told(context, clock.instant()));
                Iterator<Told> oldestFirst = told.values().iterator();
                while (told.size() > capacity) {
                    oldestFirst.next();
                    oldestFirst.remove();
                }
            }
        });
    }

    @Override
    public Mono<VisitorContext> of(String conversationId) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                forgetOlderThan(clock.instant().minus(retention));
                Told latest = told.get(conversationId);
                return latest == null ? null : latest.context();
            }
        });
    }

    @Override
    public Mono<Boolean> forget(String conversationId) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                return told.remove(conversationId) != null;
            }
        });
    }

    private void forgetOlderThan(Instant cutoff) {
        Iterator<Told> oldestFirst = told.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().at().isBefore(cutoff)) {
            oldestFirst.remove();
        }
    }
}
