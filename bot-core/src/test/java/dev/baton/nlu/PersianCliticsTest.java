package dev.baton.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersianCliticsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "سفارشم, سفارش",      // my order
            "پولشو, پول",          // its money (as object)
            "حسابمو, حساب",        // my account (as object)
            "آدرستون, آدرس",       // your address
            "سفارشها, سفارش"})     // orders
    void spokenEndingsComeOffTheWord(String spoken, String word) {
        assertThat(PersianClitics.stem(spoken)).isEqualTo(word);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"کارت", "پست", "سلام", "order", "ordini", "užsakymas"})
    void shortPersianWordsAndOtherLanguagesStayAsTheyAre(String word) {
        assertThat(PersianClitics.stem(word)).isEqualTo(word);
    }

    @Test
    void theBareWordIsAFeatureOfItsSpokenForm() {
        assertThat(new WordNgramFeatures(1).extractFeatures(new String[]{"سفارشم", "کو"}, Map.of()))
                .containsExactly("w1=سفارشم", "w1=کو", "w1=سفارش");
    }
}
