package dev.baton.channel;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryRetryTest {

    private final DeliveryRetry retry = new DeliveryRetry(4, Duration.ofSeconds(1), Duration.ofSeconds(10));
    private final AtomicInteger attempts = new AtomicInteger();

    private Mono<Void> failing(DeliveryFailedException failure, int times) {
        return Mono.defer(() -> attempts.incrementAndGet() <= times ? Mono.error(failure) : Mono.empty());
    }

    @Test
    void aTemporaryFailureIsRetriedWithBackoffDoublingEachTime() {
        DeliveryFailedException unavailable = new DeliveryFailedException("503", true, Optional.empty());

        StepVerifier.withVirtualTime(() -> failing(unavailable, 3).retryWhen(retry.spec()))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(1 + 2))
                .expectNoEvent(Duration.ofMillis(3_999))
                .thenAwait(Duration.ofMillis(1))
                .verifyComplete();
        assertThat(attempts).hasValue(4);
    }

    @Test
    void theWaitAPlatformAsksForIsHonouredUpToTheLongestBackoff() {
        DeliveryFailedException limited = new DeliveryFailedException("429", true, Optional.of(Duration.ofSeconds(7)));
        DeliveryFailedException limitedLong = new DeliveryFailedException("429", true, Optional.of(Duration.ofHours(1)));

        StepVerifier.withVirtualTime(() -> failing(limited, 1).retryWhen(retry.spec()))
                .expectSubscription().expectNoEvent(Duration.ofMillis(6_999)).thenAwait(Duration.ofMillis(1)).verifyComplete();
        attempts.set(0);
        StepVerifier.withVirtualTime(() -> failing(limitedLong, 1).retryWhen(retry.spec()))
                .expectSubscription().expectNoEvent(Duration.ofMillis(9_999)).thenAwait(Duration.ofMillis(1)).verifyComplete();
    }

    @Test
    void afterTheLastAttemptTheFailureIsSignalled() {
        DeliveryFailedException unavailable = new DeliveryFailedException("503", true, Optional.empty());

        StepVerifier.withVirtualTime(() -> failing(unavailable, 10).retryWhen(retry.spec()))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(1 + 2 + 4))
                .verifyErrorMatches(e -> e == unavailable);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void aFinalRefusalIsNotRetried() {
        DeliveryFailedException blocked = new DeliveryFailedException("403: bot was blocked by the user", false, Optional.empty());

        StepVerifier.create(failing(blocked, 10).retryWhen(retry.spec())).verifyErrorMatches(e -> e == blocked);
        assertThat(attempts).hasValue(1);
    }
}
