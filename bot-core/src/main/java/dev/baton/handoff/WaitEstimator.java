package dev.baton.handoff;

import java.time.Duration;

/**
 * Estimates a waiting visitor's wait: everyone ahead, and the visitor's own turn, each take an average
 * handling time, shared among the agents online.
 */
public final class WaitEstimator {

    private final Duration averageHandlingTime;

    public WaitEstimator(Duration averageHandlingTime) {
        if (averageHandlingTime.isNegative() || averageHandlingTime.isZero()) {
            throw new IllegalArgumentException("averageHandlingTime must be positive");
        }
        this.averageHandlingTime = averageHandlingTime;
    }

    public QueueStatus status(int position, int agentsOnline) {
        long seconds = averageHandlingTime.toSeconds() * position / Math.max(1, agentsOnline);
        return new QueueStatus(position, seconds, agentsOnline);
    }
}
