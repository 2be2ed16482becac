package dev.baton.app.config;

import dev.baton.handoff.BusinessHours;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When people answer ({@code baton.business-hours.*}); unset, always. For example:
 * <pre>
 * baton.business-hours:
 *   zone: Europe/Rome
 *   weekly: { monday: "09:00-13:00, 14:00-18:00", tuesday: "09:00-18:00", saturday: "10:00-12:00" }
 *   holidays: [2026-12-25, 2026-12-26]
 * </pre>
 * A day not listed is closed. Hours written wrongly stop the node at start with what is wrong.
 *
 * @param zone   the time zone the hours are in; unset, there are no hours (always open)
 * @param weekly each day's opening intervals, {@code HH:MM-HH:MM}, several separated by commas
 */
@ConfigurationProperties("baton.business-hours")
public record BusinessHoursSettings(ZoneId zone, @DefaultValue Map<DayOfWeek, String> weekly,
                                    @DefaultValue List<LocalDate> holidays) {

    BusinessHours hours() {
        return hours("baton.business-hours");
    }

    /** @param prefix where these hours are configured, for the errors */
    BusinessHours hours(String prefix) {
        if (zone == null) {
            if (!weekly.isEmpty() || !holidays.isEmpty()) {
                throw new IllegalArgumentException(prefix + ".zone must say which time zone the hours are in");
            }
            return BusinessHours.always();
        }
        Map<DayOfWeek, List<BusinessHours.Interval>> week = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, text) -> {
            try {
                week.put(day, BusinessHours.Interval.parseAll(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + ".weekly." + day.name().toLowerCase() + ": " + e.getMessage(), e);
            }
        });
        return new BusinessHours(zone, week, Set.copyOf(holidays));
    }
}
