package dev.baton.store.redis;

import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.LeftMessages;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * Messages visitors left, in Redis: the {@code left-messages} list of JSON documents, oldest first, appended with
 * {@code RPUSH} (see {@link RedisKeys}). Kept until deleted, like the in-memory store.
 */
public final class RedisLeftMessages implements LeftMessages {

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final JsonCodec json = new JsonCodec();

    public RedisLeftMessages(RedisReactiveCommands<String, String> redis, RedisKeys keys) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Mono<LeftMessage> save(LeftMessage message) {
        return Mono.defer(() -> redis.rpush(keys.leftMessages(), json.encode(message))).thenReturn(message);
    }

    @Override
    public Flux<LeftMessage> all() {
        return Flux.defer(() -> redis.lrange(keys.leftMessages(), 0, -1)).map(json::decodeLeftMessage);
    }
}
