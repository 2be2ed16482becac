package dev.baton.app.load;

/**
 * When the load generator means to send message <i>i</i>: the rate rises linearly from zero to the full rate over
 * {@code riseNanos}, then holds. A cold server (interpreted code, empty caches) faced with the full rate at once
 * builds a backlog that takes it tens of seconds to work off, so a measured window that follows would measure the
 * cold start rather than the steady state; a rising rate lets it warm up without one.
 */
final class SendSchedule {

    private final double rate;
    private final double riseNanos;
    /** Messages sent while the rate rises: the area under the ramp, {@code rate * rise / 2}. */
    private final double sentWhileRising;

    /**
     * @param rate      messages per second at full rate
     * @param riseNanos how long the rate takes to reach it (0: full rate at once)
     */
    SendSchedule(double rate, long riseNanos) {
        if (rate <= 0 || riseNanos < 0) {
            throw new IllegalArgumentException("rate must be positive and the rise not negative");
        }
        this.rate = rate / 1e9;
        this.riseNanos = riseNanos;
        this.sentWhileRising = this.rate * riseNanos / 2;
    }

    /** Nanoseconds from the start at which message {@code i} (from 0) is due. */
    long offsetNanos(long i) {
        if (i < sentWhileRising) {
            // i = rate * t^2 / (2 * rise), solved for t
            return Math.round(Math.sqrt(2 * riseNanos * i / rate));
        }
        return Math.round(riseNanos + (i - sentWhileRising) / rate);
    }
}
