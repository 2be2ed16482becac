package dev.baton.store.redis;

import dev.baton.handoff.AgentQueue;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;

import java.util.Objects;

/**
 * The waiting queue in Redis, first come first served across every node: reads the {@code queue} sorted set (see
 * {@link RedisKeys}), ids scored by ticket. {@link RedisConversationStore} writes it, in the same script as each
 * conversation's state.
 */
public final class RedisAgentQueue implements AgentQueue {

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;

    public RedisAgentQueue(RedisReactiveCommands<String, String> redis, RedisKeys keys) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Flux<String> waiting() {
        return Flux.defer(() -> redis.zrange(keys.queue(), 0, -1));
    }
}
