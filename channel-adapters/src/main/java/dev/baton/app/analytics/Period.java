package dev.baton.app.analytics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The periods the analytics cover, from a first day (UTC), and the slices their charts show. */
enum Period {
    /** One day, by the hour. */
    DAY(Duration.ofHours(1)) {
        @Override
        LocalDate end(LocalDate start) {
            return start.plusDays(1);
        }
    },
    /** Seven days, by the day. */
    WEEK(Duration.ofDays(1)) {
        @Override
        LocalDate end(LocalDate start) {
            return start.plusWeeks(1);
        }
    },
    /** A calendar month's length from the first day (2026-11-15 to 2026-12-15), by the day. */
    MONTH(Duration.ofDays(1)) {
        @Override
        LocalDate end(LocalDate start) {
            return start.plusMonths(1);
        }
    };

    private final Duration slice;

    Period(Duration slice) {
        this.slice = slice;
    }

    /** The first day after the period. */
    abstract LocalDate end(LocalDate start);

    Duration slice() {
        return slice;
    }

    /** The first day of the period that ends with {@code day}, which it includes. */
    LocalDate endingOn(LocalDate day) {
        LocalDate start = day;
        while (end(start.minusDays(1)).isAfter(day)) {
            start = start.minusDays(1);
        }
        return start;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Period> named(String name) {
        return Arrays.stream(values()).filter(p -> p.label().equals(name)).findFirst();
    }
}
