package dev.baton.store.redis;

import dev.baton.limits.Admission;
import dev.baton.limits.Buckets;
import dev.baton.limits.Limit;
import dev.baton.limits.RateLimiter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Buckets every node takes from: Bucket4j's compare-and-swap over Lettuce's asynchronous API, so that a
 * limit holds for a visitor whichever node their socket is on, and no event loop waits for Redis. A bucket's
 * key expires once the bucket would be full again: an idle subject costs Redis nothing.
 */
final class RedisRateLimiter implements RateLimiter {

    /** How long a full bucket's key outlives the moment it became full; a new one would start the same. */
    private static final Duration KEPT_WHEN_FULL = Duration.ofSeconds(1);

    private final AsyncProxyManager<String> buckets;
    private final RedisKeys keys;

    /** @param connection a connection of its own (Bucket4j keeps its buckets as bytes) */
    RedisRateLimiter(StatefulRedisConnection<String, byte[]> connection, RedisKeys keys, Clock clock, Duration commandTimeout) {
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_WHEN_FULL))
                .clientClock(Buckets.time(clock))
                .requestTimeout(commandTimeout)
                .build()
                .asAsync();
        this.keys = keys;
    }

    @Override
    public Mono<Admission> take(Limit limit, String subject) {
        return Mono.fromFuture(() -> bucket(limit, subject).tryConsumeAndReturnRemaining(1)).map(Buckets::admission);
    }

    @Override
    public Mono<Void> giveBack(Limit limit, String subject) {
        return Mono.fromFuture(() -> bucket(limit, subject).addTokens(1));
    }

    @Override
    public Mono<Void> forget(Limit limit, String subject) {
        return Mono.fromFuture(() -> buckets.removeProxy(keys.rateLimit(limit.name(), subject)));
    }

    private AsyncBucketProxy bucket(Limit limit, String subject) {
        return buckets.builder().build(keys.rateLimit(limit.name(), subject), () -> CompletableFuture.completedFuture(Buckets.configuration(limit)));
    }
}
