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
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

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

    /** KEYS: the list. ARGV: a message's JSON as read, and changed; see replace-left-message.lua. */
    private static final LuaScript REPLACE = LuaScript.load(ScriptOutputType.INTEGER, "replace-left-message.lua");

    /** Changes of one message racing on other nodes that an update outlasts before it gives up. */
    private static final int MAX_UPDATE_ATTEMPTS = 16;

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

    /**
     * Reads the list, changes the message and puts it back in place of the very document it read, in one script
     * that compares the whole document: a message left or changed meanwhile elsewhere in the list does not matter,
     * a change of this one makes the update read it again.
     */
    @Override
    public Mono<LeftMessage> update(String id, UnaryOperator<LeftMessage> change) {
        return attemptUpdate(id, change, 1);
    }

    private Mono<LeftMessage> attemptUpdate(String id, UnaryOperator<LeftMessage> change, int attempt) {
        return Mono.defer(() -> {
            Instant cutoff = cutoff();
            return redis.lrange(keys.leftMessages(), 0, -1)
                    .map(stored -> Map.entry(stored, json.decodeLeftMessage(stored)))
                    .filter(read -> read.getValue().id().equals(id) && !read.getValue().at().isBefore(cutoff))
                    .next()
                    .flatMap(read -> {
                        LeftMessage changed = change.apply(read.getValue());
                        return REPLACE.<Long>run(redis, new String[]{keys.leftMessages()}, read.getKey(), json.encode(changed))
                                .flatMap(replaced -> {
                                    if (replaced == 1L) {
                                        return Mono.just(changed);
                                    }
                                    if (attempt >= MAX_UPDATE_ATTEMPTS) {
                                        return Mono.error(new IllegalStateException("gave up changing left message " + id
                                                + " after " + attempt + " concurrent changes"));
                                    }
                                    return attemptUpdate(id, change, attempt + 1);
                                });
                    });
        });
    }

    private Instant cutoff() {
        return clock.instant().minus(retention);
    }
}
