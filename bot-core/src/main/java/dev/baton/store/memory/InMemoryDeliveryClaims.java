package dev.baton.store.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.channel.DeliveryClaims;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * The claims of a one-node installation: a bounded cache of claimed keys, each forgotten {@code keptFor} after it was
 * claimed (or when the cache is full, the least used first: a platform redelivers within minutes, not days).
 */
public final class InMemoryDeliveryClaims implements DeliveryClaims {

    private final Cache<String, Boolean> claimed;

    public InMemoryDeliveryClaims(Clock clock, Duration keptFor, long maxKeys) {
        this.claimed = Caffeine.newBuilder()
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfterWrite(keptFor)
                .maximumSize(maxKeys)
                .build();
    }

    @Override
    public Mono<Boolean> claim(String key) {
        return Mono.fromSupplier(() -> claimed.asMap().putIfAbsent(key, Boolean.TRUE) == null);
    }

    @Override
    public Mono<Void> release(String key) {
        return Mono.fromRunnable(() -> claimed.invalidate(key));
    }
}
