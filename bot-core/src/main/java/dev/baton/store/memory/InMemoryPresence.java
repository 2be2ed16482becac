package dev.baton.store.memory;

import dev.baton.handoff.Presence;
import dev.baton.handoff.Sighting;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Open connections on this node, and when each one whose last connection closed was last seen. */
public final class InMemoryPresence implements Presence {

    private static final Duration PRUNING_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Integer> connections = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Set<String> away = ConcurrentHashMap.newKeySet();
    private volatile Instant nextPruning = Instant.MIN;

    public InMemoryPresence(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Void> connected(String who) {
        return Mono.fromRunnable(() -> {
            connections.merge(who, 1, Integer::sum);
            lastSeen.remove(who);
        });
    }

    @Override
    public Mono<Void> disconnected(String who) {
        return Mono.fromRunnable(() -> connections.computeIfPresent(who, (w, n) -> {
            if (n > 1) {
                return n - 1;
            }
            lastSeen.put(w, clock.instant());
            return null;
        }));
    }

    @Override
    public Mono<Integer> onlineCount() {
        return Mono.fromCallable(() -> (int) connections.keySet().stream().filter(who -> !away.contains(who)).count());
    }

    @Override
    public Mono<Void> setAway(String who, boolean isAway) {
        return Mono.fromRunnable(() -> {
            if (isAway) {
                away.add(who);
            } else {
                away.remove(who);
            }
        });
    }

    @Override
    public Mono<Set<String>> away() {
        return Mono.fromCallable(() -> Set.copyOf(away));
    }

    @Override
    public Mono<Set<String>> online() {
        return Mono.fromCallable(() -> Set.copyOf(connections.keySet()));
    }

    @Override
    public Mono<Map<String, Sighting>> seen(Collection<String> whos) {
        return Mono.fromCallable(() -> {
            forgetLongGone();
            Map<String, Sighting> seen = new LinkedHashMap<>();
            for (String who : whos) {
                Instant at = lastSeen.get(who);
                seen.put(who, connections.containsKey(who) ? Sighting.onlineNow()
                        : at == null ? Sighting.never() : Sighting.lastSeenAt(at));
            }
            return seen;
        });
    }

    @Override
    public Mono<Void> forget(String who) {
        return Mono.fromRunnable(() -> {
            connections.remove(who);
            lastSeen.remove(who);
            away.remove(who);
        });
    }

    /** At most once a minute, so that reads stay cheap however many are remembered. */
    private void forgetLongGone() {
        Instant now = clock.instant();
        if (now.isBefore(nextPruning)) {
            return;
        }
        nextPruning = now.plus(PRUNING_EVERY);
        Instant forgotten = now.minus(LAST_SEEN_KEPT);
        lastSeen.values().removeIf(at -> at.isBefore(forgotten));
    }
}
