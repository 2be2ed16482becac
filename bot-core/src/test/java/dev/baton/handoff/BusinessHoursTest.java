package dev.baton.handoff;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessHoursTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** Monday to Friday 09:00-13:00 and 14:00-18:00, Saturday mornings, closed on Christmas Day, in Rome. */
    private static final BusinessHours SHOP = new BusinessHours(ROME, Map.of(
            DayOfWeek.MONDAY, BusinessHours.Interval.parseAll("09:00-13:00, 14:00-18:00"),
            DayOfWeek.TUESDAY, BusinessHours.Interval.parseAll("09:00-13:00, 14:00-18:00"),
            DayOfWeek.WEDNESDAY, BusinessHours.Interval.parseAll("09:00-13:00, 14:00-18:00"),
            DayOfWeek.THURSDAY, BusinessHours.Interval.parseAll("09:00-13:00, 14:00-18:00"),
            DayOfWeek.FRIDAY, BusinessHours.Interval.parseAll("09:00-13:00, 14:00-18:00"),
            DayOfWeek.SATURDAY, BusinessHours.Interval.parseAll("10:00-12:00"),
            DayOfWeek.SUNDAY, BusinessHours.Interval.parseAll("")), Set.of(LocalDate.parse("2026-12-25")));

    @Test
    void isOpenWithinTheDaysIntervalsInTheTeamsTimeZoneAndClosedOutsideThem() {
        assertThat(SHOP.isOpen(rome("2026-11-23T09:00"))).isTrue();
        assertThat(SHOP.isOpen(rome("2026-11-23T12:59"))).isTrue();
        assertThat(SHOP.isOpen(rome("2026-11-23T13:30"))).as("lunch").isFalse();
        assertThat(SHOP.isOpen(rome("2026-11-23T18:00"))).as("the end is excluded").isFalse();
        assertThat(SHOP.isOpen(Instant.parse("2026-11-23T08:30:00Z"))).as("09:30 in Rome").isTrue();
        assertThat(SHOP.isOpen(rome("2026-11-29T11:00"))).as("Sunday").isFalse();
    }

    @Test
    void theNextOpeningSkipsLunchNightsSundaysAndHolidays() {
        assertThat(SHOP.nextOpening(rome("2026-11-23T10:00"))).as("open now").isEmpty();
        assertThat(SHOP.nextOpening(rome("2026-11-23T13:30"))).contains(zoned("2026-11-23T14:00"));
        assertThat(SHOP.nextOpening(rome("2026-11-23T19:00"))).contains(zoned("2026-11-24T09:00"));
        assertThat(SHOP.nextOpening(rome("2026-11-28T13:00"))).as("after Saturday's morning").contains(zoned("2026-11-30T09:00"));
        assertThat(SHOP.nextOpening(rome("2026-12-24T19:00"))).as("Christmas is a Friday").contains(zoned("2026-12-26T10:00"));
    }

    @Test
    void aTeamWithoutHoursIsAlwaysOpen() {
        assertThat(BusinessHours.always().isOpen(rome("2026-11-29T03:00"))).isTrue();
        assertThat(BusinessHours.always().nextOpening(rome("2026-11-29T03:00"))).isEmpty();
    }

    @Test
    void anIntervalRunsToMidnightAndATeamNeverOpenHasNoNextOpening() {
        BusinessHours evenings = new BusinessHours(ROME, Map.of(DayOfWeek.MONDAY, BusinessHours.Interval.parseAll("18:00-00:00")), Set.of());
        assertThat(evenings.isOpen(rome("2026-11-23T23:59"))).isTrue();
        assertThat(new BusinessHours(ROME, Map.of(), Set.of()).nextOpening(rome("2026-11-23T10:00"))).isEmpty();
    }

    @Test
    void badlyWrittenHoursAreRefusedSayingHowToWriteThem() {
        assertThatThrownBy(() -> BusinessHours.Interval.parseAll("9-17")).hasMessageContaining("HH:MM-HH:MM");
        assertThatThrownBy(() -> BusinessHours.Interval.parseAll("18:00-09:00")).hasMessageContaining("end after it starts");
        assertThat(BusinessHours.Interval.parseAll(" ")).isEqualTo(List.of());
    }

    private static Instant rome(String localDateTime) {
        return zoned(localDateTime).toInstant();
    }

    private static ZonedDateTime zoned(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(ROME);
    }
}
