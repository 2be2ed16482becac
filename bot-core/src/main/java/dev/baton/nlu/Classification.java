package dev.baton.nlu;

import java.util.List;
import java.util.Optional;

/**
 * What the classifier thinks a message means: every intent ranked from most to least likely.
 *
 * @param ranked intents, best first; empty only when the model knows no intents at all
 */
public record Classification(List<IntentScore> ranked) {

    public Classification {
        ranked = List.copyOf(ranked);
    }

    /** The most likely intent; empty when the model knows no intents. */
    public Optional<IntentScore> best() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    /** The runner-up; empty when there is at most one intent. */
    public Optional<IntentScore> second() {
        return ranked.size() < 2 ? Optional.empty() : Optional.of(ranked.get(1));
    }

    /** The {@code n} best candidates (fewer if the model knows fewer intents). */
    public List<IntentScore> top(int n) {
        return ranked.subList(0, Math.min(n, ranked.size()));
    }
}
