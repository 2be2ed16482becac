package dev.baton.channel;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a reply is sent again after a {@linkplain DeliveryFailedException#temporary() temporary}
 * failure: after {@code firstBackoff}, then twice as long each time, never longer than {@code maxBackoff} — also when
 * the platform asks for longer (a Retry-After beyond it) — for at most {@code maxAttempts} sends in all.
 */
public record DeliveryRetry(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    public DeliveryRetry {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("a retry makes at least one attempt and backs off for 0 or more, at most maxBackoff");
        }
    }

    /** For {@code retryWhen}: the last failure is signalled once no more attempts are left, or at once if not temporary. */
    public Retry spec() {
        return Retry.from(signals -> signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            long retriesSoFar = signal.totalRetries();
            if (!(failure instanceof DeliveryFailedException refused) || !refused.temporary() || retriesSoFar + 1 >= maxAttempts) {
                return Mono.error(failure);
            }
            return Mono.delay(delay(refused, retriesSoFar));
        }));
    }

    private Duration delay(DeliveryFailedException refused, long retriesSoFar) {
        Duration backoff = refused.retryAfter()
                .orElseGet(() -> firstBackoff.multipliedBy(1L << Math.min(retriesSoFar, 30)));
        return backoff.compareTo(maxBackoff) > 0 || backoff.isNegative() ? maxBackoff : backoff;
    }
}
