package dev.baton.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotedValueTest {

    @Test
    void aShortValueIsQuotedWhole() {
        assertThat(QuotedValue.of("c-1")).isEqualTo("\"c-1\"");
    }

    @Test
    void aLongValueIsCutAfterSixtyFourCodePointsWithAnEllipsis() {
        String quoted = QuotedValue.capped("x".repeat(64) + "tail");

        assertThat(quoted).isEqualTo("x".repeat(64) + "…");
    }

    @Test
    void aValueOfExactlySixtyFourCodePointsIsKeptWhole() {
        String emoji = "\uD83D\uDE00".repeat(64);

        assertThat(QuotedValue.capped(emoji)).isEqualTo(emoji);
    }

    @Test
    void emojiAreCountedAsOneAndNeverCutInHalf() {
        String quoted = QuotedValue.capped("\uD83D\uDE00".repeat(100));

        assertThat(quoted).isEqualTo("\uD83D\uDE00".repeat(64) + "…");
    }
}
