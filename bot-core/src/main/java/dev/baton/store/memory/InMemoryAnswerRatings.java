package dev.baton.store.memory;

import dev.baton.feedback.AnswerRating;
import dev.baton.feedback.AnswerRatings;
import dev.baton.feedback.IntentHelpfulness;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ratings in this node's memory. Which answers were rated is kept for the retention from the rating (ratings come in
 * time order, so the oldest are forgotten first as new ones come), the counts per intent for good.
 */
public final class InMemoryAnswerRatings implements AnswerRatings {

    private final Clock clock;
    private final Duration retention;
    /** When each rated answer ({@code conversationId/messageId}) was rated, oldest first. */
    private final LinkedHashMap<String, Instant> rated = new LinkedHashMap<>();
    private final Map<String, long[]> counts = new HashMap<>();

    public InMemoryAnswerRatings(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public Mono<Boolean> rate(AnswerRating rating) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                forgetOlderThan(clock.instant().minus(retention));
                if (rated.putIfAbsent(rating.conversationId() + "/" + rating.messageId(), rating.at()) != null) {
                    return false;
                }
                counts.computeIfAbsent(rating.intent(), intent -> new long[2])[rating.helpful() ? 0 : 1]++;
                return true;
            }
        });
    }

    @Override
    public Mono<Void> forget(String conversationId) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                rated.keySet().removeIf(answer -> answer.startsWith(conversationId + "/"));
            }
        });
    }

    @Override
    public Flux<IntentHelpfulness> perIntent() {
        return Flux.defer(() -> {
            List<IntentHelpfulness> each = new ArrayList<>();
            synchronized (this) {
                counts.forEach((intent, n) -> each.add(new IntentHelpfulness(intent, n[0], n[1])));
            }
            return Flux.fromIterable(each);
        });
    }

    private void forgetOlderThan(Instant cutoff) {
        Iterator<Instant> oldestFirst = rated.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().isBefore(cutoff)) {
            oldestFirst.remove();
        }
    }
}
