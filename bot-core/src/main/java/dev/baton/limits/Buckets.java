package dev.baton.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.local.LocalBucketBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A {@link Limit} as Bucket4j's buckets, the same for every {@link RateLimiter}. */
public final class Buckets {

    private Buckets() {
    }

    public static BucketConfiguration configuration(Limit limit) {
        var builder = BucketConfiguration.builder();
        limit.rates().forEach(rate -> builder.addLimit(bandwidth(rate, limit.refill())));
        return builder.build();
    }

    /** A bucket of this node's, timed by {@code time}. */
    public static LocalBucket local(Limit limit, TimeMeter time) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
        for (Bandwidth bandwidth : configuration(limit).getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }

    private static Bandwidth bandwidth(Rate rate, Limit.Refill refill) {
        var capacity = Bandwidth.builder().capacity(rate.count());
        return (refill == Limit.Refill.GRADUAL ? capacity.refillGreedy(rate.count(), rate.per())
                : capacity.refillIntervally(rate.count(), rate.per())).build();
    }

    public static Admission admission(ConsumptionProbe probe) {
        return probe.isConsumed() ? Admission.admit() : Admission.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Bucket4j's time from {@code clock}: buckets shared by nodes need wall-clock time, and tests move a clock of
     * their own.
     */
    public static TimeMeter time(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
