package dev.baton.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When people answer: weekly opening hours in one time zone, minus holidays. Out of hours the bot says so honestly
 * and offers to leave a message instead of a wait that would last until morning; the bot itself answers at any hour.
 * Without hours configured the team is always open (the behaviour before hours existed). Immutable.
 *
 * @param week     each day's opening intervals, in the zone's local time; a day missing or empty is closed
 * @param holidays local dates closed all day, whatever their weekday says
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, List<Interval>> week, Set<LocalDate> holidays) {

    /** How far ahead {@link #nextOpening} looks: a year, then it gives up (a team closed for a year has no next). */
    private static final int DAYS_LOOKED_AHEAD = 366;

    /** From {@code from} (included) to {@code to} (excluded), local time; {@code to} 00:00 means midnight at the day's end. */
    public record Interval(LocalTime from, LocalTime to) {
        public Interval {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.equals(LocalTime.MIDNIGHT) && !from.isBefore(to)) {
                throw new IllegalArgumentException("an opening interval must end after it starts: " + from + "-" + to);
            }
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(from) && (to.equals(LocalTime.MIDNIGHT) || time.isBefore(to));
        }

        /**
         * "09:00-18:00", or several separated by commas ("09:00-13:00, 14:00-18:00"); an empty text is a closed day.
         * Throws {@link IllegalArgumentException} saying what is wrong.
         */
        public static List<Interval> parseAll(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(text.split(",")).map(String::strip).map(Interval::parse).toList();
        }

        private static Interval parse(String text) {
            String[] ends = text.split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("opening hours are written HH:MM-HH:MM, not \"" + text + "\"");
            }
            try {
                return new Interval(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip()));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("opening hours are written HH:MM-HH:MM, not \"" + text + "\"", e);
            }
        }
    }

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        EnumMap<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, intervals) -> days.put(day, List.copyOf(intervals)));
        week = Map.copyOf(days);
        holidays = Set.copyOf(holidays);
    }

    /** Open every hour of every day: no hours configured. */
    public static BusinessHours always() {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new Interval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new BusinessHours(ZoneId.of("UTC"), week, Set.of());
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return !holidays.contains(local.toLocalDate())
                && week.getOrDefault(local.getDayOfWeek(), List.of()).stream().anyMatch(i -> i.contains(local.toLocalTime()));
    }

    /** When people are next there, if closed at {@code at}; empty when open then, or when no opening comes within a year. */
    public Optional<ZonedDateTime> nextOpening(Instant at) {
        if (isOpen(at)) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.ofInstant(at, zone);
        for (int day = 0; day <= DAYS_LOOKED_AHEAD; day++) {
            LocalDate date = now.toLocalDate().plusDays(day);
            if (holidays.contains(date)) {
                continue;
            }
            Optional<LocalTime> opening = week.getOrDefault(date.getDayOfWeek(), List.of()).stream()
                    .map(Interval::from)
                    .filter(from -> !date.atTime(from).isBefore(now))
                    .min(LocalTime::compareTo);
            if (opening.isPresent()) {
                return Optional.of(date.atTime(opening.get()).atZone(zone));
            }
        }
        return Optional.empty();
    }
}
