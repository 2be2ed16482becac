package dev.baton.store.redis;

import dev.baton.conversation.VisitorContext;
import dev.baton.conversation.VisitorContexts;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Objects;

/**
 * Visitor contexts in Redis: each conversation's beside its transcript (see {@link RedisKeys}), one JSON string that the
 * latest hello replaces, expiring with the conversations' retention.
 */
public final class RedisVisitorContexts implements VisitorContexts {

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final Duration retention;
    private final JsonCodec json;

    /** @param retention how long a context is kept after the latest hello */
    RedisVisitorContexts(RedisReactiveCommands<String, String> redis, RedisKeys keys, Duration retention, JsonCodec json) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Mono<Void> remember(String conversationId, VisitorContext context) {
        return Mono.defer(() -> redis.set(keys.visitorContext(conversationId), json.encode(context), SetArgs.Builder.px(retention)))
                .then();
    }

    @Override
    public Mono<VisitorContext> of(String conversationId) {
        return redis.get(keys.visitorContext(conversationId)).map(json::decodeVisitorContext);
    }

    @Override
    public Mono<Boolean> forget(String conversationId) {
        return Mono.defer(() -> redis.del(keys.visitorContext(conversationId))).map(deleted -> deleted == 1L);
    }
}
