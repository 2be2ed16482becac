package dev.baton.store.memory;

import dev.baton.satisfaction.AgentSatisfaction;
import dev.baton.satisfaction.SatisfactionRating;
import dev.baton.satisfaction.SatisfactionRatings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Satisfaction ratings in this node's memory. Each conversation's is kept for the retention from when it was given
 * (they come in time order, so the oldest are forgotten first as new ones come), the counts per agent for good.
 */
public final class InMemorySatisfactionRatings implements SatisfactionRatings {

    private final Clock clock;
    private final Duration retention;
    /** By conversation, oldest first. */
    private final LinkedHashMap<String, SatisfactionRating> rated = new LinkedHashMap<>();
    private final Map<String, long[]> counts = new HashMap<>();

    public InMemorySatisfactionRatings(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public Mono<Boolean> rate(SatisfactionRating rating) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                forgetOlderThan(clock.instant().minus(retention));
                if (rated.putIfAbsent(rating.conversationId(), rating) != null) {
                    return false;
                }
                counts.computeIfAbsent(rating.agentUsername(), agent -> new long[SatisfactionRating.HIGHEST])[rating.score() - 1]++;
                return true;
            }
        });
    }

    @Override
    public Mono<SatisfactionRating> of(String conversationId) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                forgetOlderThan(clock.instant().minus(retention));
                return rated.get(conversationId);
            }
        });
    }

    @Override
    public Mono<Boolean> forget(String conversationId) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                return rated.remove(conversationId) != null;
            }
        });
    }

    @Override
    public Flux<AgentSatisfaction> perAgent() {
        return Flux.defer(() -> {
            List<AgentSatisfaction> each = new ArrayList<>();
            synchronized (this) {
                counts.forEach((agent, n) -> each.add(new AgentSatisfaction(agent, Arrays.stream(n).boxed().toList())));
            }
            return Flux.fromIterable(each);
        });
    }

    private void forgetOlderThan(Instant cutoff) {
        Iterator<SatisfactionRating> oldestFirst = rated.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().at().isBefore(cutoff)) {
            oldestFirst.remove();
        }
    }
}
