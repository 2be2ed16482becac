package dev.baton.limits;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * An allowance every subject (a visitor id, a client address, an account) has of its own: a token bucket, taken
 * from once per attempt.
 *
 * @param name   what is limited, e.g. {@code visitor-messages}; subjects' buckets are told apart by it
 * @param rates  all hold at once (e.g. 3 a second and 30 a minute)
 * @param refill how used tokens come back
 */
public record Limit(String name, List<Rate> rates, Refill refill) {

    /** How used tokens come back. */
    public enum Refill {
        /** One by one, spread over the period: a steady pace is never refused. */
        GRADUAL,
        /**
         * All at once, when the period that began with the bucket's first use is over: once the count is used up,
         * the subject is locked out until then.
         */
        WHOLE_PERIOD
    }

    public Limit {
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a limit needs a name without spaces: \"" + name + "\"");
        }
        rates = List.copyOf(rates);
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("limit " + name + " has no rate");
        }
    }

    /** A limit whose tokens come back gradually. */
    public static Limit of(String name, Rate... rates) {
        return new Limit(name, List.of(rates), Refill.GRADUAL);
    }

    /** At most {@code attempts} in a period that starts with the first; then none until it is over. */
    public static Limit lockOut(String name, long attempts, Duration period) {
        return new Limit(name, List.of(new Rate(attempts, period)), Refill.WHOLE_PERIOD);
    }

    /** After this long unused, a subject's bucket is full again and need not be kept. */
    public Duration longestPeriod() {
        return rates.stream().map(Rate::per).max(Comparator.naturalOrder()).orElseThrow();
    }
}
