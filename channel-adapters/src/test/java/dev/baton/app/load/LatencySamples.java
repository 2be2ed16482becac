package dev.baton.app.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every latency sample of a run, exact to the nanosecond: a pre-sized array filled lock-free from the event-loop
 * threads and sorted once at the end (a 60 s run at 40,000 messages/s is 2.4 million longs, 19 MB). Samples of
 * messages sent outside the measured window (ramp, warm-up) are kept too, negated, so that progress lines can show
 * them, and are left out of the final percentiles.
 */
final class LatencySamples {

    private final long[] samples;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    LatencySamples(int capacity) {
        samples = new long[Math.max(1024, capacity)];
    }

    void record(long nanos, boolean measured) {
        int index = next.getAndIncrement();
        if (index >= samples.length) {
            dropped.incrementAndGet();
            return;
        }
        long value = Math.max(1, nanos);
        samples[index] = measured ? value : -value;
    }

    /** How many samples have been recorded so far (a position for {@link #percentilesSince}). */
    int position() {
        return Math.min(next.get(), samples.length);
    }

    long dropped() {
        return dropped.get();
    }

    /**
     * Percentiles of everything recorded from {@code from} on, whatever the phase, for progress lines. A slot
     * reserved but not yet written reads 0 and is skipped.
     */
    Map<String, Object> percentilesSince(int from) {
        int to = position();
        long[] copy = new long[Math.max(0, to - from)];
        int n = 0;
        for (int i = from; i < to; i++) {
            long v = Math.abs(samples[i]);
            if (v != 0) {
                copy[n++] = v;
            }
        }
        return summary(Arrays.copyOf(copy, n));
    }

    /** p50…max (in milliseconds) of the samples of measured messages. */
    Map<String, Object> measuredSummary() {
        int to = position();
        long[] copy = new long[to];
        int n = 0;
        for (int i = 0; i < to; i++) {
            if (samples[i] > 0) {
                copy[n++] = samples[i];
            }
        }
        return summary(Arrays.copyOf(copy, n));
    }

    private static Map<String, Object> summary(long[] values) {
        Arrays.sort(values);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("p50", millis(percentile(values, 50)));
        out.put("p90", millis(percentile(values, 90)));
        out.put("p95", millis(percentile(values, 95)));
        out.put("p99", millis(percentile(values, 99)));
        out.put("p999", millis(percentile(values, 99.9)));
        out.put("max", millis(values.length == 0 ? 0 : values[values.length - 1]));
        double sum = 0;
        for (long v : values) {
            sum += v;
        }
        out.put("mean", millis(values.length == 0 ? 0 : Math.round(sum / values.length)));
        out.put("samples", values.length);
        return out;
    }

    /** Nearest-rank percentile of sorted {@code values}. */
    static long percentile(long[] values, double percent) {
        if (values.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * values.length);
        return values[Math.min(values.length - 1, Math.max(0, rank - 1))];
    }

    static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
