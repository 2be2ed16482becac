package dev.baton.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

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

    /** @param ahead the visitors queued before this one, whether or not they are still there */
    public QueueStatus status(Collection<Sighting> ahead, int agentsOnline, Instant now) {
        int position = 1 + (int) ahead.stream().filter(visitor -> visitor.isThere(visitorGrace, now)).count();
        long seconds = averageHandlingTime.toSeconds() * position / Math.max(1, agentsOnline);
        return new QueueStatus(position, seconds, agentsOnline);
    }
}
