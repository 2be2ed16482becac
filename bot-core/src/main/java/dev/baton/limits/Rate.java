package dev.baton.limits;

import java.time.Duration;

/** At most {@code count} in any {@code per}. */
public record Rate(long count, Duration per) {

    public Rate {
        if (count < 1 || per == null || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate needs a count of at least 1 and a positive period: " + count + " per " + per);
        }
    }
}
