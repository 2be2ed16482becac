package dev.baton.app.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** One step of a rate sweep (or the whole measured window): what was offered, what came back, and how fast. */
final class RateStep {

    /** A step still counts as kept up with when this share of its questions was answered in it. */
    private static final double ANSWERED = 0.99;

    final double rate;
    final LongAdder sent = new LongAdder();
    final LongAdder lost = new LongAdder();
    private final LongAdder replied = new LongAdder();
    private final LatencySamples latency;
    private final LatencySamples admittedLatency;

    RateStep(double rate, int capacity) {
        this.rate = rate;
        this.latency = new LatencySamples(capacity);
        this.admittedLatency = new LatencySamples(capacity);
    }

    /**
     * @param sinceDue  from when the question was due, waits before resends after {@code busy} included
     * @param sinceSent from the send the server admitted
     */
    void replied(long sinceDue, long sinceSent) {
        replied.increment();
        latency.record(sinceDue, true);
        admittedLatency.record(sinceSent, true);
    }

    Map<String, Object> report(double seconds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("offeredRate", rate);
        out.put("achievedMessagesPerSecond", ProcessMetrics.round(replied.sum() / seconds));
        out.put("sent", sent.sum());
        out.put("replied", replied.sum());
        out.put("lost", lost.sum());
        out.put("latencyMillis", latency.measuredSummary());
        out.put("admittedLatencyMillis", admittedLatency.measuredSummary());
        return out;
    }

    /**
     * The highest offered rate up to which every step kept its p99 at most {@code p99}, lost nothing and had
     * (nearly) all its questions answered, with that step's p99; null when even the first step did not.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> knee(List<Map<String, Object>> steps, Duration p99) {
        Map<String, Object> knee = null;
        for (Map<String, Object> step : steps) {
            double stepP99 = ((Number) ((Map<String, Object>) step.get("latencyMillis")).get("p99")).doubleValue();
            double offered = ((Number) step.get("offeredRate")).doubleValue();
            double achieved = ((Number) step.get("achievedMessagesPerSecond")).doubleValue();
            boolean kept = stepP99 <= p99.toNanos() / 1e6 && ((Number) step.get("lost")).longValue() == 0
                    && achieved >= ANSWERED * offered;
            if (!kept) {
                break;
            }
            knee = new LinkedHashMap<>();
            knee.put("offeredRate", offered);
            knee.put("p99Millis", stepP99);
        }
        return knee;
    }
}
