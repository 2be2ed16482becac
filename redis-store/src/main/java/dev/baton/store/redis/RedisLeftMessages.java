package dev.baton.store.redis;

import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.LeftMessages;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Messages visitors left, in Redis: the {@code left-messages} list of JSON documents, oldest first (see
 * {@link RedisKeys}). Each is kept for the retention from when it was left: saving one drops the expired ones
 * from the head of the list in the same script, and reading skips any that expired since.
 */
public final class RedisLeftMessages implements LeftMessages {

    /**
     * KEYS: the list. ARGV: the message's JSON, the cutoff as {@code yyyy-MM-ddTHH:mm:ss} (UTC). Appends, then pops
     * the head while it was left before the cutoff. Comparing the first 19 characters of {@link Instant#toString()}
     * (fixed width, whatever the fraction) is exact to the second, plenty for a retention of days.
     */
    private static final LuaScript SAVE = LuaScript.load(ScriptOutputType.INTEGER, "save-left-message.lua");

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final Clock clock;
    private final Duration retention;
    private final JsonCodec json;

    /** @param retention how long a left message is kept, from when it was left */
    public RedisLeftMessages(RedisReactiveCommands<String, String> redis, RedisKeys keys, Clock clock, Duration retention) {
        this(redis, keys, clock, retention, JsonCodec.withDefaultMapper());
    }

    RedisLeftMessages(RedisReactiveCommands<String, String> redis, RedisKeys keys, Clock clock, Duration retention,
                      JsonCodec json) {
        this.json = Objects.requireNonNull(json, "json");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = LeftMessages.requirePositive(retention);
    }

    @Override
    public Mono<LeftMessage> save(LeftMessage message) {
        return Mono.defer(() -> SAVE.run(redis, new String[]{keys.leftMessages()}, json.encode(message),
                cutoff().toString().substring(0, 19))).thenReturn(message);
    }

    @Override
    public Flux<LeftMessage> all() {
        return Flux.defer(() -> {
            Instant cutoff = cutoff();
            return redis.lrange(keys.leftMessages(), 0, -1).map(json::decodeLeftMessage).filter(m -> !m.at().isBefore(cutoff));
        });
    }

    /** Removes each of the visitor's messages by its stored JSON, so messages left meanwhile stay. */
    @Override
    public Mono<Integer> forgetVisitor(String visitorId) {
        return redis.lrange(keys.leftMessages(), 0, -1)
                .filter(stored -> json.decodeLeftMessage(stored).visitorId().equals(visitorId))
                .concatMap(stored -> redis.lrem(keys.leftMessages(), 1, stored))
                .reduce(0, (erased, removed) -> erased + removed.intValue());
    }

    private Instant cutoff() {
        return clock.instant().minus(retention);
    }
}
