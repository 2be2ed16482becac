package dev.baton.store.redis;

import dev.baton.handoff.Presence;
import dev.baton.handoff.Sighting;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who is there, across every node: agents or visitors, one instance per population, each with its own three
 * keys (see {@link RedisKeys#agentPresence()} and {@link RedisKeys#visitorPresence()}).
 *
 * <p>Each node counts its own open connections in memory (two tabs are one until both close) and keeps one entry
 * per "who" it serves in the {@code connections} sorted set: member {@code <node id>/<who>}, scored by a deadline
 * in Redis server time (so the nodes' clocks do not matter); the node itself is in the {@code nodes} sorted set,
 * scored the same way. Someone is online while at least one entry of theirs, from any node, has not passed its
 * deadline. The {@code last-seen} sorted set holds, for each, when they were last seen in milliseconds: written when
 * their last connection on a node closes and at every heartbeat, so that it is right to within a heartbeat
 * even when their node died; forgotten after {@link Presence#LAST_SEEN_KEPT}.
 *
 * <p>Who is away is a plain set beside them ({@code away}), kept until changed: being away is a choice, not a
 * connection, so it neither lapses nor needs a heartbeat.
 *
 * <h2>Heartbeat and grace period</h2>
 * Every node pushes its deadlines forward by the grace period (default {@value #DEFAULT_GRACE_SECONDS} seconds)
 * every third of it. A node that closes removes its entries at once; a node that dies without closing
 * ({@code kill -9}, a lost network) stops pushing, and its connections stop counting at most one grace period
 * later, when their deadlines pass — lapsed entries are deleted whenever everyone online is read. A shorter grace
 * notices dead nodes sooner at the cost of more writes: a node writes once per heartbeat, whatever its count.
 *
 * <p>An entry's write may race a concurrent connect or disconnect of the same one on the same node; the next
 * heartbeat reconciles Redis with the node's count (an entry wrongly missing is restored within a third of the
 * grace period; one wrongly present lapses within the grace period).
 *
 * <p>Close it when the node shuts down ({@link #close()}): that stops the heartbeat and removes this node's entries.
 */
public final class RedisPresence implements Presence, AutoCloseable {

    public static final long DEFAULT_GRACE_SECONDS = 30;
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(DEFAULT_GRACE_SECONDS);

    private static final Logger log = LoggerFactory.getLogger(RedisPresence.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final String ONLINE = "online";

    /**
     * KEYS: connections, nodes, last-seen. ARGV: grace (ms), node id, then whos. Sets the node's and each of its
     * whos' deadline to now + grace, and notes that they were seen now.
     */
    private static final LuaScript REFRESH = LuaScript.load(ScriptOutputType.INTEGER, "redis-now.lua", "presence-refresh.lua");

    /**
     * KEYS: connections, nodes, last-seen. ARGV: node id, "1" if the node itself is leaving, then whos. Removes
     * the node's entries of the whos (and the node's own when it leaves), noting that they were last seen now.
     */
    private static final LuaScript LEAVE = LuaScript.load(ScriptOutputType.INTEGER, "redis-now.lua", "presence-leave.lua");

    /** KEYS: connections. Deletes lapsed members and returns the live ones. */
    private static final LuaScript LIVE = LuaScript.load(ScriptOutputType.MULTI, "redis-now.lua", "presence-live.lua");

    /**
     * KEYS: connections, nodes, last-seen. ARGV: how long last-seen times are kept (ms), then whos. For each who,
     * "online", or when last seen (ms), or "" when never seen. Costs a lookup per live node and who, not a read of
     * everyone connected.
     */
    private static final LuaScript SEEN = LuaScript.load(ScriptOutputType.MULTI, "redis-now.lua", "presence-seen.lua");

    private final RedisReactiveCommands<String, String> redis;
    private final String[] keys;
    private final String awayKey;
    private final String graceMillis;
    private final String nodeId = UUID.randomUUID().toString();
    private final Map<String, Integer> connections = new ConcurrentHashMap<>();
    private final Disposable heartbeat;

    /**
     * Starts this node's heartbeat; {@link #close()} stops it.
     *
     * @param keys {@link RedisKeys#agentPresence()} or {@link RedisKeys#visitorPresence()}
     */
    public RedisPresence(RedisReactiveCommands<String, String> redis, RedisKeys.PresenceKeys keys, Duration grace) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = new String[]{keys.connections(), keys.nodes(), keys.lastSeen()};
        this.awayKey = keys.away();
        if (grace.toMillis() < 3) {
            throw new IllegalArgumentException("the presence grace period must be at least 3 ms: " + grace);
        }
        this.graceMillis = Long.toString(grace.toMillis());
        Duration every = grace.dividedBy(3);
        this.heartbeat = Flux.interval(every, every)
                .onBackpressureDrop()
                .concatMap(tick -> refresh(List.copyOf(connections.keySet()))
                        .onErrorResume(e -> {
                            log.warn("Could not refresh presence in Redis: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    /** Errors when Redis cannot be reached, and then counts nothing: the caller need not call {@link #disconnected}. */
    @Override
    public Mono<Void> connected(String who) {
        return Mono.defer(() -> {
            connections.merge(who, 1, Integer::sum);
            return refresh(List.of(who))
                    .onErrorResume(e -> {
                        closeOne(who);
                        return Mono.error(e);
                    });
        });
    }

    /** Errors when Redis cannot be reached; the connection is forgotten all the same, and its entry lapses. */
    @Override
    public Mono<Void> disconnected(String who) {
        return Mono.defer(() -> {
            Integer open = closeOne(who);
            return open == null ? leave(false, List.of(who)) : Mono.<Void>empty();
        });
    }

    @Override
    public Mono<Integer> onlineCount() {
        return online().zipWith(away(), (online, away) -> (int) online.stream().filter(who -> !away.contains(who)).count());
    }

    @Override
    public Mono<Void> setAway(String who, boolean away) {
        return Mono.defer(() -> away ? redis.sadd(awayKey, who) : redis.srem(awayKey, who)).then();
    }

    @Override
    public Mono<Set<String>> away() {
        return Mono.defer(() -> redis.smembers(awayKey).collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public Mono<Set<String>> online() {
        return Mono.defer(() -> LIVE.<List<Object>>run(redis, new String[]{keys[0]}))
                .map(members -> members.stream().map(String::valueOf).map(RedisPresence::whoOf)
                        .collect(Collectors.toUnmodifiableSet()))
                .defaultIfEmpty(Set.of());
    }

    @Override
    public Mono<Map<String, Sighting>> seen(Collection<String> whos) {
        List<String> asked = List.copyOf(whos);
        if (asked.isEmpty()) {
            return Mono.just(Map.of());
        }
        String[] args = Stream.concat(Stream.of(Long.toString(LAST_SEEN_KEPT.toMillis())), asked.stream()).toArray(String[]::new);
        return Mono.defer(() -> SEEN.<List<Object>>run(redis, keys, args)).map(answers -> {
            Map<String, Sighting> seen = new LinkedHashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                seen.put(asked.get(i), sighting(String.valueOf(answers.get(i))));
            }
            return seen;
        });
    }

    /** KEYS: connections, nodes, last-seen, away. ARGV: who. Forgets who on every node. */
    private static final LuaScript ERASE = LuaScript.load(ScriptOutputType.INTEGER, "presence-erase.lua");

    @Override
    public Mono<Void> forget(String who) {
        return Mono.defer(() -> {
            connections.remove(who);
            return ERASE.run(redis, new String[]{keys[0], keys[1], keys[2], awayKey}, who);
        }).then();
    }

    /** Stops the heartbeat and removes this node's entries; blocks up to five seconds, for shutdown only. */
    @Override
    public void close() {
        heartbeat.dispose();
        List<String> whos = List.copyOf(connections.keySet());
        connections.clear();
        try {
            leave(true, whos).block(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("Could not remove this node's presence from Redis; it lapses after the grace period: {}", e.toString());
        }
    }

    /** One connection fewer; the remaining count on this node, null when none is left. */
    private Integer closeOne(String who) {
        return connections.computeIfPresent(who, (w, n) -> n > 1 ? n - 1 : null);
    }

    private Mono<Void> refresh(List<String> whos) {
        String[] args = Stream.concat(Stream.of(graceMillis, nodeId), whos.stream()).toArray(String[]::new);
        return REFRESH.run(redis, keys, args).then();
    }

    private Mono<Void> leave(boolean nodeLeaves, List<String> whos) {
        String[] args = Stream.concat(Stream.of(nodeId, nodeLeaves ? "1" : "0"), whos.stream()).toArray(String[]::new);
        return LEAVE.run(redis, keys, args).then();
    }

    private static Sighting sighting(String answer) {
        if (answer.equals(ONLINE)) {
            return Sighting.onlineNow();
        }
        return answer.isEmpty() ? Sighting.never() : Sighting.lastSeenAt(Instant.ofEpochMilli((long) Double.parseDouble(answer)));
    }

    private static String whoOf(String member) {
        return member.substring(member.indexOf('/') + 1);
    }
}
