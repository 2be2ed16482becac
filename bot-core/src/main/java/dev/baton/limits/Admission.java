package dev.baton.limits;

import java.time.Duration;

/**
 * Whether an attempt is within its limit.
 *
 * @param retryAfter when refused, how long until the next attempt would be admitted; zero when admitted
 */
public record Admission(boolean admitted, Duration retryAfter) {

    private static final Admission ADMITTED = new Admission(true, Duration.ZERO);

    public static Admission admit() {
        return ADMITTED;
    }

    /** Refused; {@code retryAfter} is rounded up to a whole millisecond, never zero. */
    public static Admission refused(Duration retryAfter) {
        long millis = Math.max(1, -Math.floorDiv(-retryAfter.toNanos(), 1_000_000L));
        return new Admission(false, Duration.ofMillis(millis));
    }
}
