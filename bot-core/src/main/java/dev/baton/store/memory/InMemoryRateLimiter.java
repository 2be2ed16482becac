package dev.baton.store.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.baton.limits.Admission;
import dev.baton.limits.Buckets;
import dev.baton.limits.Limit;
import dev.baton.limits.RateLimiter;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * This node's buckets, at most {@code maxBuckets} of them: a bucket unused for its limit's longest period is full
 * again and forgotten, and beyond the bound the least used go first (a flood of new subjects costs the forgotten
 * ones some allowance back, never this node its memory).
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private record Key(String limit, String subject) {
    }

    private record Held(LocalBucket bucket, Duration idleLife) {
    }

    private final Cache<Key, Held> buckets;
    private final TimeMeter time;

    public InMemoryRateLimiter(Clock clock, long maxBuckets) {
        this.time = Buckets.time(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfter(Expiry.accessing((Key key, Held held) -> held.idleLife()))
                .build();
    }

    @Override
    public Mono<Admission> take(Limit limit, String subject) {
        return Mono.fromSupplier(() -> {
            Held held = buckets.get(new Key(limit.name(), subject), key -> new Held(Buckets.local(limit, time), limit.longestPeriod()));
            return Buckets.admission(held.bucket().tryConsumeAndReturnRemaining(1));
        });
    }

    @Override
    public Mono<Void> forget(Limit limit, String subject) {
        return Mono.fromRunnable(() -> buckets.invalidate(new Key(limit.name(), subject)));
    }

    @Override
    public Mono<Void> giveBack(Limit limit, String subject) {
        return Mono.fromRunnable(() -> {
            Held held = buckets.getIfPresent(new Key(limit.name(), subject));
            if (held != null) {
                held.bucket().addTokens(1);
            }
        });
    }
}
