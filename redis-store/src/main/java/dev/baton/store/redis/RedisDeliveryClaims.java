package dev.baton.store.redis;

import dev.baton.channel.DeliveryClaims;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Objects;

/**
 * Claims in Redis: one string key per claim ({@code claim:<key>}, see {@link RedisKeys}), set only if absent
 * ({@code SET NX PX}), so that of all the nodes that try exactly one wins; it expires after {@code keptFor}.
 */
public final class RedisDeliveryClaims implements DeliveryClaims {

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final Duration keptFor;

    RedisDeliveryClaims(RedisReactiveCommands<String, String> redis, RedisKeys keys, Duration keptFor) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.keptFor = Objects.requireNonNull(keptFor, "keptFor");
    }

    @Override
    public Mono<Boolean> claim(String key) {
        return redis.set(keys.claim(key), "1", SetArgs.Builder.nx().px(keptFor.toMillis()))
                .map("OK"::equals)
                .defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> release(String key) {
        return redis.del(keys.claim(key)).then();
    }
}
