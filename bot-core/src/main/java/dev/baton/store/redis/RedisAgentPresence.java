package dev.baton.store.redis;

import dev.baton.handoff.AgentPresence;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Which agents are online, across every node. Owns the {@code presence} sorted set (see {@link RedisKeys}).
 *
 * <p>Each node counts its own agents' open consoles in memory (two tabs of one agent are one agent until both
 * close) and keeps one entry per agent it serves in Redis: member {@code <node id>/<username>}, scored by a
 * deadline in Redis server time (so the nodes' clocks do not matter). An agent counts as online while at least
 * one entry of theirs, from any node, has not passed its deadline.
 *
 * <h2>Heartbeat and grace period</h2>
 * Every node pushes the deadlines of its agents forward by the grace period (default {@value #DEFAULT_GRACE_SECONDS}
 * seconds) every third of it. A node that closes removes its entries at once; a node that dies without closing
 * ({@code kill -9}, a lost network) stops pushing, and its agents stop counting as online at most one grace
 * period later, when their deadlines pass — lapsed entries are deleted whenever the count is read. A shorter grace
 * notices dead nodes sooner at the cost of more writes: a node writes once per heartbeat, whatever its agent count.
 *
 * <p>An entry's write may race a concurrent connect or disconnect of the same agent on the same node; the next
 * heartbeat reconciles Redis with the node's count (an entry wrongly missing is restored within a third of the
 * grace period; one wrongly present lapses within the grace period).
 *
 * <p>Close it when the node shuts down ({@link #close()}): that stops the heartbeat and removes this node's entries.
 */
public final class RedisAgentPresence implements AgentPresence, AutoCloseable {

    public static final long DEFAULT_GRACE_SECONDS = 30;
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(DEFAULT_GRACE_SECONDS);

    private static final Logger log = LoggerFactory.getLogger(RedisAgentPresence.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** KEYS: presence. ARGV: grace (ms), then members. Sets each member's deadline to Redis' now + grace. */
    private static final LuaScript REFRESH = new LuaScript("""
            local t = redis.call('TIME')
            local deadline = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
            for i = 2, #ARGV do redis.call('ZADD', KEYS[1], string.format('%d', deadline), ARGV[i]) end
            return #ARGV - 1
            """, ScriptOutputType.INTEGER);

    /** KEYS: presence. Deletes lapsed members and returns the live ones. */
    private static final LuaScript LIVE = new LuaScript("""
            local t = redis.call('TIME')
            local now = string.format('%d', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000))
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. now)
            return redis.call('ZRANGEBYSCORE', KEYS[1], now, '+inf')
            """, ScriptOutputType.MULTI);

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final String graceMillis;
    private final String nodeId = UUID.randomUUID().toString();
    private final Map<String, Integer> connections = new ConcurrentHashMap<>();
    private final Disposable heartbeat;

    /** Starts this node's heartbeat; {@link #close()} stops it. */
    public RedisAgentPresence(RedisReactiveCommands<String, String> redis, RedisKeys keys, Duration grace) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        if (grace.toMillis() < 3) {
            throw new IllegalArgumentException("the presence grace period must be at least 3 ms: " + grace);
        }
        this.graceMillis = Long.toString(grace.toMillis());
        Duration every = grace.dividedBy(3);
        this.heartbeat = Flux.interval(every, every)
                .onBackpressureDrop()
                .concatMap(tick -> refresh(List.copyOf(connections.keySet()))
                        .onErrorResume(e -> {
                            log.warn("Could not refresh agents' presence in Redis: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    /** Errors when Redis cannot be reached, and then counts nothing: the caller need not call {@link #disconnected}. */
    @Override
    public Mono<Void> connected(String agentUsername) {
        return Mono.defer(() -> {
            connections.merge(agentUsername, 1, Integer::sum);
            return refresh(List.of(agentUsername))
                    .onErrorResume(e -> {
                        forget(agentUsername);
                        return Mono.error(e);
                    });
        });
    }

    /** Errors when Redis cannot be reached; the console is forgotten all the same, and its entry lapses. */
    @Override
    public Mono<Void> disconnected(String agentUsername) {
        return Mono.defer(() -> {
            Integer open = forget(agentUsername);
            return open == null ? redis.zrem(keys.presence(), member(agentUsername)).then() : Mono.<Void>empty();
        });
    }

    /** Agents with at least one console open on a live node. */
    @Override
    public Mono<Integer> onlineCount() {
        return online().map(Set::size);
    }

    @Override
    public Mono<Set<String>> online() {
        return Mono.defer(() -> LIVE.<List<Object>>run(redis, new String[]{keys.presence()}))
                .map(members -> members.stream().map(String::valueOf).map(RedisAgentPresence::agentOf)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()))
                .defaultIfEmpty(Set.of());
    }

    /** Stops the heartbeat and removes this node's agents; blocks up to five seconds, for shutdown only. */
    @Override
    public void close() {
        heartbeat.dispose();
        List<String> agents = List.copyOf(connections.keySet());
        connections.clear();
        if (agents.isEmpty()) {
            return;
        }
        try {
            redis.zrem(keys.presence(), agents.stream().map(this::member).toArray(String[]::new)).block(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("Could not remove this node's agents from Redis; they lapse after the grace period: {}", e.toString());
        }
    }

    /** One console fewer; the agent's remaining count on this node, null when none is left. */
    private Integer forget(String agentUsername) {
        return connections.computeIfPresent(agentUsername, (agent, n) -> n > 1 ? n - 1 : null);
    }

    private Mono<Void> refresh(List<String> agents) {
        if (agents.isEmpty()) {
            return Mono.empty();
        }
        String[] args = Stream.concat(Stream.of(graceMillis), agents.stream().map(this::member)).toArray(String[]::new);
        return REFRESH.run(redis, new String[]{keys.presence()}, args).then();
    }

    private String member(String agentUsername) {
        return nodeId + "/" + agentUsername;
    }

    private static String agentOf(String member) {
        return member.substring(member.indexOf('/') + 1);
    }
}
