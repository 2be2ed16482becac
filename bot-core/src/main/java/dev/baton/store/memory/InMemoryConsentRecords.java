package dev.baton.store.memory;

import dev.baton.privacy.Consent;
import dev.baton.privacy.ConsentRecords;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Consents in this node's memory, each kept for the retention from when it was given, and at most as many as the
 * in-memory conversation store keeps conversations; they come in time order, so the oldest are forgotten first as new
 * ones come.
 */
public final class InMemoryConsentRecords implements ConsentRecords {

    private final Clock clock;
    private final Duration retention;
    private final int capacity;
    /** By conversation, the oldest consent first. */
    private final LinkedHashMap<String, Consent> consents = new LinkedHashMap<>();

    /** @param capacity at most this many consents are kept, the oldest forgotten first */
    public InMemoryConsentRecords(Clock clock, Duration retention, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.clock = clock;
        this.retention = retention;
        this.capacity = capacity;
    }

    @Override
    public Mono<Consent> record(Consent consent) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                forgetOlderThan(clock.instant().minus(retention));
                consents.remove(consent.conversationId());
                consents.put(consent.conversationId(), consent);
                Iterator<Consent> oldestFirst = consents.values().iterator();
                while (consents.size() > capacity) {
                    oldestFirst.next();
                    oldestFirst.remove();
                }
                return consent;
            }
        });
    }

    @Override
    public Mono<Consent> of(String conversationId) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                forgetOlderThan(clock.instant().minus(retention));
                return consents.get(conversationId);
            }
        });
    }

    @Override
    public Mono<Boolean> forget(String conversationId) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                return consents.remove(conversationId) != null;
            }
        });
    }

    private void forgetOlderThan(Instant cutoff) {
        Iterator<Consent> oldestFirst = consents.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().at().isBefore(cutoff)) {
            oldestFirst.remove();
        }
    }
}
