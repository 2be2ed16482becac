package dev.baton.engine;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTextTest {

    @Test
    void countsEmojiAsOneCharacterEach() {
        String smiles = "😀".repeat(MessageText.MAX_CHARS);

        assertThat(MessageText.validated(smiles)).isEqualTo(smiles);
        assertThatThrownBy(() -> MessageText.validated(smiles + "😀"))
                .isInstanceOfSatisfying(InvalidTextException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidTextException.Problem.TOO_LONG))
                .hasMessageContaining("4001 characters");
    }

    @Test
    void refusesTextThatShowsNothing() {
        for (String invisible : new String[]{"\u0000\u0007\u001b", "\u00a0\u00a0", "\u200b", "\u200c", "\u200d",
                "\u2060", "\ufeff", "\u202f \u2007", "\u200e\u200f", "\u3164", "\t\r\n"}) {
            assertThatThrownBy(() -> MessageText.validated(invisible))
                    .as("%s", invisible.codePoints().mapToObj(Integer::toHexString).toList())
                    .isInstanceOfSatisfying(InvalidTextException.class,
                            e -> assertThat(e.problem()).isEqualTo(InvalidTextException.Problem.EMPTY));
        }
    }

    @Test
    void keepsTheZeroWidthNonJoinerInsidePersianWords() {
        String persian = "می\u200cخواهم";

        assertThat(MessageText.validated(" " + persian + " ")).isEqualTo(persian);
    }

    @Test
    void limitsTheContactOfALeftMessage() {
        assertThat(MessageText.validatedContact(Optional.of("  ana@example.com "))).contains("ana@example.com");
        assertThat(MessageText.validatedContact(Optional.of("\u200b "))).isEmpty();
        assertThat(MessageText.validatedContact(Optional.of("x".repeat(MessageText.MAX_CONTACT_CHARS)))).isPresent();
        assertThatThrownBy(() -> MessageText.validatedContact(Optional.of("x".repeat(MessageText.MAX_CONTACT_CHARS + 1))))
                .isInstanceOfSatisfying(InvalidTextException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidTextException.Problem.CONTACT_TOO_LONG));
    }
}
