package dev.baton.handoff;

import java.time.Duration;
import java.time.Instant;

/**
 * Estimates a waiting visitor's wait: everyone ahead who is still there, and the visitor's own turn, each take an
 * average handling time, shared among the agents online. Visitors ahead who left (gone longer than the visitor
 * grace period) are not counted: nobody will spend time on them.
 */
public final class WaitEstimator {

    public static final Duration DEFAULT_VISITOR_GRACE = Duration.ofMinutes(2);

    private final Duration averageHandlingTime;
    private final Duration visitorGrace;

    public WaitEstimator(Duration averageHandlingTime) {
        this(averageHandlingTime, DEFAULT_VISITOR_GRACE);
    }

    public WaitEstimator(Duration averageHandlingTime, Duration visitorGrace) {
        if (averageHandlingTime.isNegative() || averageHandlingTime.isZero()) {
            throw new IllegalArgumentException("averageHandlingTime must be positive");
        }
        if (visitorGrace.isNegative()) {
            throw new IllegalArgumentException("visitorGrace may not be negative");
        }
        this.averageHandlingTime = averageHandlingTime;
        this.visitorGrace = visitorGrace;
    }

    /** Whether a visitor in the queue counts for the others' positions: online, or gone for less than the grace. */
    public boolean counts(Sighting visitor, Instant now) {
        return visitor.isThere(visitorGrace, now);
    }

    /** @param position 1 + the visitors ahead who {@link #counts count} */
    public QueueStatus status(int position, int agentsOnline) {
        long seconds = averageHandlingTime.toSeconds() * position / Math.max(1, agentsOnline);
        return new QueueStatus(position, seconds, agentsOnline);
    }
}
