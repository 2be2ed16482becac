package dev.baton.engine;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** When the team is back, in the visitor's language: the weekday, the time, and whose clock ("Monday 09:00 (Europe/Rome)"). */
final class OpeningTimes {

    private OpeningTimes() {
    }

    static String inWords(ZonedDateTime opening, String language) {
        return DateTimeFormatter.ofPattern("EEEE HH:mm", Locale.forLanguageTag(language)).format(opening)
                + " (" + opening.getZone().getId() + ")";
    }
}
