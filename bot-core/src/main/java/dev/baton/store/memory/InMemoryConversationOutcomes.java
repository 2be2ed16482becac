package dev.baton.store.memory;

import dev.baton.analytics.ConversationOutcome;
import dev.baton.analytics.ConversationOutcomes;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Conversation outcomes in this node's memory, by when they were recorded; forgotten after the retention. */
public final class InMemoryConversationOutcomes implements ConversationOutcomes {

    private final Duration retention;
    /** Guarded by {@code this}. */
    private final TreeMap<Instant, Set<ConversationOutcome>> byTime = new TreeMap<>();

    /** @param retention how long an outcome is kept after it was recorded */
    public InMemoryConversationOutcomes(Duration retention) {
        this.retention = retention;
    }

    @Override
    public Mono<Void> record(ConversationOutcome outcome) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                byTime.headMap(outcome.at().minus(retention)).clear();
                byTime.computeIfAbsent(outcome.at(), at -> new LinkedHashSet<>()).add(outcome);
            }
        });
    }

    @Override
    public Flux<ConversationOutcome> between(Instant from, Instant to) {
        return Flux.defer(() -> {
            List<ConversationOutcome> found = new ArrayList<>();
            synchronized (this) {
                if (from.isBefore(to)) {
                    byTime.subMap(from, true, to, false).values().forEach(found::addAll);
                }
            }
            return Flux.fromIterable(found);
        });
    }
}
