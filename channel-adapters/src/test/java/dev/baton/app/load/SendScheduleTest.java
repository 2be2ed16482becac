package dev.baton.app.load;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SendScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theRateRisesLinearlyToFullAndThenHolds() {
        SendSchedule schedule = new SendSchedule(1000, 10 * SECOND);

        // over the rise, 1000/s * 10 s / 2 = 5,000 messages; a quarter of them in its first half
        assertThat(schedule.offsetNanos(0)).isZero();
        assertThat(schedule.offsetNanos(1250) / (double) SECOND).isCloseTo(5.0, within(1e-6));
        assertThat(schedule.offsetNanos(5000) / (double) SECOND).isCloseTo(10.0, within(1e-6));
        // then one message per millisecond
        assertThat(schedule.offsetNanos(6000) / (double) SECOND).isCloseTo(11.0, within(1e-6));
        assertThat(schedule.offsetNanos(6001) - schedule.offsetNanos(6000)).isBetween(999_999L, 1_000_001L);
    }

    @Test
    void withoutARiseEveryMessageIsDueAtTheFullRate() {
        SendSchedule schedule = new SendSchedule(5000, 0);

        assertThat(schedule.offsetNanos(0)).isZero();
        assertThat(schedule.offsetNanos(5000)).isEqualTo(SECOND);
    }

    @Test
    void aSweepWarmsUpAtTheFirstRateThenHoldsEachRateForItsStep() {
        SendSchedule schedule = SendSchedule.sweep(10 * SECOND, List.of(1000.0, 2000.0), 5 * SECOND);

        // rising over 5 s to 1000/s: 2,500 messages; holding 1000/s for 5 s: 7,500 by the end of the warm-up
        assertThat(seconds(schedule.offsetNanos(2500))).isCloseTo(5.0, within(1e-6));
        assertThat(seconds(schedule.offsetNanos(7500))).isCloseTo(10.0, within(1e-6));
        // the first step: 1000/s for 5 s
        assertThat(seconds(schedule.offsetNanos(8500))).isCloseTo(11.0, within(1e-6));
        assertThat(seconds(schedule.offsetNanos(12500))).isCloseTo(15.0, within(1e-6));
        // the second and last: 2000/s, on and on
        assertThat(seconds(schedule.offsetNanos(14500))).isCloseTo(16.0, within(1e-6));
        assertThat(seconds(schedule.offsetNanos(32500))).isCloseTo(25.0, within(1e-6));
    }

    @Test
    void messageTimesNeverGoBackwardsAcrossSteps() {
        SendSchedule schedule = SendSchedule.sweep(2 * SECOND, List.of(300.0, 100.0, 900.0), SECOND);

        long previous = -1;
        for (long i = 0; i < 3000; i++) {
            assertThat(schedule.offsetNanos(i)).isGreaterThanOrEqualTo(previous);
            previous = schedule.offsetNanos(i);
        }
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> SendSchedule.sweep(SECOND, List.of(100.0, 0.0), SECOND))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double seconds(long nanos) {
        return nanos / (double) SECOND;
    }
}
