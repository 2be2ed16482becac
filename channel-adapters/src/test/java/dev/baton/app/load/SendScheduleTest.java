package dev.baton.app.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
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
}
