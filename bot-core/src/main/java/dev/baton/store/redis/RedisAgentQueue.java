package dev.baton.store.redis;

import dev.baton.handoff.AgentQueue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * The waiting queue in Redis, first come first served across every node. Owns the {@code queue} sorted set and
 * its {@code queue:tickets} counter (see {@link RedisKeys}).
 *
 * <p>Enqueueing draws a ticket with {@code INCR} — one counter for all nodes, so tickets follow arrival order
 * even when the nodes' clocks disagree — and adds the conversation scored by it with {@code ZADD NX}, which
 * keeps the original place of a conversation that is already queued. Claiming is {@code ZREM}: Redis runs
 * commands one at a time, so when several agents race for a conversation exactly one removal finds it.
 */
public final class RedisAgentQueue implements AgentQueue {

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;

    public RedisAgentQueue(RedisReactiveCommands<String, String> redis, RedisKeys keys) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Mono<Void> enqueue(String conversationId) {
        return Mono.defer(() -> redis.incr(keys.queueTickets()))
                .flatMap(ticket -> redis.zadd(keys.queue(), ZAddArgs.Builder.nx(), ticket.doubleValue(), conversationId))
                .then();
    }

    /** KEYS: queue. ARGV: conversation id. Scores it one below the current head, so it goes first. */
    private static final LuaScript ENQUEUE_FIRST = new LuaScript("""
            local head = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            local score = head[2] and (tonumber(head[2]) - 1) or 0
            return redis.call('ZADD', KEYS[1], 'NX', score, ARGV[1])
            """, ScriptOutputType.INTEGER);

    @Override
    public Mono<Void> enqueueFirst(String conversationId) {
        return Mono.defer(() -> ENQUEUE_FIRST.run(redis, new String[]{keys.queue()}, conversationId).then());
    }

    @Override
    public Mono<Boolean> claim(String conversationId) {
        return Mono.defer(() -> redis.zrem(keys.queue(), conversationId)).map(removed -> removed == 1L);
    }

    @Override
    public Flux<String> waiting() {
        return Flux.defer(() -> redis.zrange(keys.queue(), 0, -1));
    }

    @Override
    public Mono<Integer> position(String conversationId) {
        return Mono.defer(() -> redis.zrank(keys.queue(), conversationId)).map(rank -> Math.toIntExact(rank + 1));
    }
}
