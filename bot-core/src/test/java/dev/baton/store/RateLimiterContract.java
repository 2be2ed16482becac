package dev.baton.store;

import dev.baton.limits.Admission;
import dev.baton.limits.Limit;
import dev.baton.limits.Rate;
import dev.baton.limits.RateLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link RateLimiter} does, specified once; time moves only when a test moves {@link #clock}. */
public abstract class RateLimiterContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Limit THREE_A_SECOND_TEN_A_MINUTE =
            Limit.of("messages", new Rate(3, Duration.ofSeconds(1)), new Rate(10, Duration.ofMinutes(1)));
    private static final Limit FIVE_FAILURES_THEN_LOCKED = Limit.lockOut("login-failures", 5, Duration.ofMinutes(15));

    protected final SettableClock clock = new SettableClock(T0);
    protected RateLimiter limiter;
    protected RateLimiter otherNode;

    protected abstract RateLimiter newLimiter();

    /** Another node's view of {@link #limiter}'s buckets; the same object on a single node. */
    protected abstract RateLimiter sameBucketsOnAnotherNode();

    @BeforeEach
    void createLimiter() {
        limiter = newLimiter();
        otherNode = sameBucketsOnAnotherNode();
    }

    @Test
    void attemptsWithinTheLimitAreAdmittedAndTheNextIsRefusedWithTheTimeUntilATokenIsBack() {
        assertThat(take(limiter, THREE_A_SECOND_TEN_A_MINUTE, "visitor-1", 3)).allMatch(Admission::admitted);

        Admission fourth = take(limiter, THREE_A_SECOND_TEN_A_MINUTE, "visitor-1");

        assertThat(fourth.admitted()).isFalse();
        // One token of three a second comes back every third of a second.
        assertThat(fourth.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(334));
    }

    @Test
    void eachSubjectAndEachLimitHasItsOwnBucket() {
        take(limiter, THREE_A_SECOND_TEN_A_MINUTE, "visitor-1", 3);

        assertThat(take(limiter, THREE_A_SECOND_TEN_A_MINUTE, "visitor-2").admitted()).isTrue();
        assertThat(take(limiter, FIVE_FAILURES_THEN_LOCKED, "visitor-1").admitted()).isTrue();
    }

    @Test
    void tokensComeBackGraduallyAndEveryRateHolds() {
        take(limiter, THREE_A_SECOND_TEN_A_MINUTE, "visitor-1", 3);
        clock.advance(Duration.ofMillis(334));
        assertThat(take(limiter, THREE_A_SECOND_TEN_A_MINUTE, "visitor-1").admitted()).isTrue();

        for (int second = 0; second < 2; second++) {
            clock.advance(Duration.ofSeconds(1));
            take(limiter, THREE_A_SECOND_TEN_A_MINUTE, "visitor-1", 3);
        }
        clock.advance(Duration.ofSeconds(1));

        // Ten in the minute are used up although the second has room again: the next token in six seconds.
        Admission eleventh = take(limiter, THREE_A_SECOND_TEN_A_MINUTE, "visitor-1");
        assertThat(eleventh.admitted()).isFalse();
        assertThat(eleventh.retryAfter()).isGreaterThan(Duration.ofSeconds(1)).isLessThanOrEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void aLockOutLastsUntilItsPeriodIsOverThenTheWholeAllowanceIsBack() {
        assertThat(take(limiter, FIVE_FAILURES_THEN_LOCKED, "alice", 5)).allMatch(Admission::admitted);
        clock.advance(Duration.ofMinutes(10));

        Admission locked = take(limiter, FIVE_FAILURES_THEN_LOCKED, "alice");
        assertThat(locked.admitted()).isFalse();
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(5));
        assertThat(take(limiter, FIVE_FAILURES_THEN_LOCKED, "alice", 5)).allMatch(Admission::admitted);
        assertThat(take(limiter, FIVE_FAILURES_THEN_LOCKED, "alice").admitted()).isFalse();
    }

    @Test
    void aTokenGivenBackCanBeTakenAgainButNeverRaisesTheLimit() {
        take(limiter, FIVE_FAILURES_THEN_LOCKED, "alice", 5);
        limiter.giveBack(FIVE_FAILURES_THEN_LOCKED, "alice").block(TIMEOUT);
        assertThat(take(limiter, FIVE_FAILURES_THEN_LOCKED, "alice").admitted()).isTrue();

        limiter.giveBack(FIVE_FAILURES_THEN_LOCKED, "bruno").block(TIMEOUT);
        limiter.giveBack(FIVE_FAILURES_THEN_LOCKED, "bruno").block(TIMEOUT);
        assertThat(take(limiter, FIVE_FAILURES_THEN_LOCKED, "bruno", 6)).filteredOn(Admission::admitted).hasSize(5);
    }

    @Test
    void everyNodeTakesFromTheSameBuckets() {
        take(limiter, THREE_A_SECOND_TEN_A_MINUTE, "visitor-1", 2);

        assertThat(take(otherNode, THREE_A_SECOND_TEN_A_MINUTE, "visitor-1").admitted()).isTrue();
        assertThat(take(limiter, THREE_A_SECOND_TEN_A_MINUTE, "visitor-1").admitted()).isFalse();
        assertThat(take(otherNode, THREE_A_SECOND_TEN_A_MINUTE, "visitor-1").admitted()).isFalse();
    }

    private static Admission take(RateLimiter on, Limit limit, String subject) {
        return on.take(limit, subject).block(TIMEOUT);
    }

    private static List<Admission> take(RateLimiter on, Limit limit, String subject, int times) {
        return IntStream.range(0, times).mapToObj(i -> take(on, limit, subject)).toList();
    }

    @Test
    void aForgottenSubjectStartsWithAFullBucketAndTheOthersKeepTheirs() {
        for (int i = 0; i < 3; i++) {
            limiter.take(THREE_A_SECOND_TEN_A_MINUTE, "v-erased").block(TIMEOUT);
            limiter.take(THREE_A_SECOND_TEN_A_MINUTE, "v-kept").block(TIMEOUT);
        }

        otherNode.forget(THREE_A_SECOND_TEN_A_MINUTE, "v-erased").block(TIMEOUT);

        StepVerifier.create(limiter.take(THREE_A_SECOND_TEN_A_MINUTE, "v-erased").map(Admission::admitted)).expectNext(true).verifyComplete();
        StepVerifier.create(limiter.take(THREE_A_SECOND_TEN_A_MINUTE, "v-kept").map(Admission::admitted)).expectNext(false).verifyComplete();
        StepVerifier.create(limiter.forget(THREE_A_SECOND_TEN_A_MINUTE, "v-never-seen")).verifyComplete();
    }
}
