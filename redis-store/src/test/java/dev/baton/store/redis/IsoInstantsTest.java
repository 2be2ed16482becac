package dev.baton.store.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantsTest {

    @Test
    void readsEveryInstantAsInstantParseDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000));
            Instant written = switch (i % 4) {
                case 0 -> instant.truncatedTo(ChronoUnit.SECONDS);
                case 1 -> instant.truncatedTo(ChronoUnit.MILLIS);
                case 2 -> instant.truncatedTo(ChronoUnit.MICROS);
                default -> instant;
            };
            assertThat(IsoInstants.parse(written.toString())).as(written.toString()).isEqualTo(written);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T21:18:11.5Z", "2026-11-23T21:18:11.12345Z", "2024-02-29T00:00:00Z", "+12026-01-01T00:00:00Z",
            "2026-11-23T21:18:11+01:00", "2026-11-23T24:00:00Z", "2026-11-23T21:18:11.Z"})
    void agreesWithInstantParseOnOtherSpellings(String text) {
        assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-2xT21:18:11Z", "yesterday", ""})
    void rejectsWhatInstantParseRejects(String text) {
        assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
