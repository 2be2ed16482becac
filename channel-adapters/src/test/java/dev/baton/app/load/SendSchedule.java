package dev.baton.app.load;

import java.util.ArrayList;
import java.util.List;

/**
 * When the load generator means to send message <i>i</i>: the rate rises linearly from zero to the first rate over
 * {@code riseNanos}, then follows a list of steps, each at its own rate for its own time; the last step lasts for
 * ever. A cold server (interpreted code, empty caches) faced with the full rate at once builds a backlog that takes
 * it tens of seconds to work off, so a measured window that follows would measure the cold start rather than the
 * steady state; a rising rate lets it warm up without one. Steps of rising rates find the knee in one run.
 */
final class SendSchedule {

    /** A stretch of time at one rate; {@code nanos} is ignored for the last. */
    record Step(double perSecond, long nanos) {
    }

    private final double riseRate;
    private final double riseNanos;
    /** Messages sent while the rate rises: the area under the ramp, {@code rate * rise / 2}. */
    private final double sentWhileRising;
    private final List<Step> steps;

    /** A rise to {@code rate}, then {@code rate} for ever. */
    SendSchedule(double rate, long riseNanos) {
        this(riseNanos, List.of(new Step(rate, 0)));
    }

    /**
     * @param riseNanos how long the rate takes to reach the first step's (0: at once)
     * @param steps     the rates that follow, in order; the last one holds for ever
     */
    SendSchedule(long riseNanos, List<Step> steps) {
        if (steps.isEmpty() || riseNanos < 0 || steps.stream().anyMatch(s -> s.perSecond() <= 0 || s.nanos() < 0)) {
            throw new IllegalArgumentException("rates must be positive, at least one, and no time negative");
        }
        this.riseRate = steps.get(0).perSecond() / 1e9;
        this.riseNanos = riseNanos;
        this.sentWhileRising = riseRate * riseNanos / 2;
        this.steps = List.copyOf(steps);
    }

    /**
     * A warm-up that rises to the first rate over its first half and holds it over its second, then each rate of
     * {@code rates} for {@code stepNanos}.
     */
    static SendSchedule sweep(long warmupNanos, List<Double> rates, long stepNanos) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(rates.get(0), warmupNanos - warmupNanos / 2));
        rates.forEach(rate -> steps.add(new Step(rate, stepNanos)));
        return new SendSchedule(warmupNanos / 2, steps);
    }

    /** Nanoseconds from the start at which message {@code i} (from 0) is due. */
    long offsetNanos(long i) {
        if (i < sentWhileRising) {
            // i = rate * t^2 / (2 * rise), solved for t
            return Math.round(Math.sqrt(2 * riseNanos * i / riseRate));
        }
        double left = i - sentWhileRising;
        double at = riseNanos;
        for (int s = 0; s < steps.size(); s++) {
            Step step = steps.get(s);
            double rate = step.perSecond() / 1e9;
            double inStep = rate * step.nanos();
            if (s == steps.size() - 1 || left < inStep) {
                return Math.round(at + left / rate);
            }
            left -= inStep;
            at += step.nanos();
        }
        throw new IllegalStateException("unreachable: the last step lasts for ever");
    }
}
