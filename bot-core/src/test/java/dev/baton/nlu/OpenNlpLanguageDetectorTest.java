package dev.baton.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;

import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenNlpLanguageDetectorTest {

    private static final IntentDatabase SHIPPED = IntentDatabaseLoader.load(Path.of("../intents"));

    private final LanguageDetector detector = new OpenNlpLanguageDetector(Set.of("en", "it", "lt", "fa"), "en");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            where is my order                                  | en
            I forgot my password                               | en
            can I talk to a human please                       | en
            my parcel has not arrived yet                      | en
            dov'è il mio ordine?                               | it
            voglio parlare con un operatore                    | it
            perche non funziona                                | it
            vorrei un rimborso                                 | it
            kur yra mano užsakymas?                            | lt
            noriu kalbeti su zmogumi                           | lt
            kada dirbate                                       | lt
            سفارش من کجاست؟                                    | fa
            سلام                                               | fa
            مي‌خواهم با يك انسان صحبت كنم                      | fa
            Guten Tag, ich habe eine Frage zu meiner Rechnung  | de
            Ich möchte mit einem Menschen sprechen             | de
            """)
    void detectsMessagesWithoutAnyContext(String text, String language) {
        assertThat(detector.detect(text, Optional.empty(), Optional.empty())).isEqualTo(language);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ok", "grazie", "ciao", "sì", "Danke", "iPhone 15"})
    void keepsTheConversationsLanguageForMessagesTooShortToTell(String text) {
        assertThat(detector.detect(text, Optional.of("it"), Optional.of("lt"))).isEqualTo("it");
    }

    @Test
    void fallsBackToTheWidgetsHintAndThenToTheDefaultLanguage() {
        assertThat(detector.detect("ok", Optional.empty(), Optional.of("it-IT"))).isEqualTo("it");
        assertThat(detector.detect("ok", Optional.empty(), Optional.empty())).isEqualTo("en");
    }

    @Test
    void switchesLanguageWhenTheVisitorClearlyDoes() {
        assertThat(detector.detect("where is my package?", Optional.of("it"), Optional.empty())).isEqualTo("en");
        assertThat(detector.detect("noriu kalbėti su žmogumi", Optional.of("it"), Optional.empty())).isEqualTo("lt");
    }

    @Test
    void believesAnUnsupportedLanguageOnlyOnALongClearMessage() {
        assertThat(detector.detect("Guten Tag, ich habe eine Frage zu meiner Rechnung", Optional.of("it"), Optional.empty()))
                .isEqualTo("de");
        assertThat(detector.detect("Danke", Optional.empty(), Optional.empty())).isEqualTo("en");
    }

    @Test
    void readsArabicScriptAsPersianOnlyWhenTheDatabaseHasPersian() {
        LanguageDetector withoutPersian = new OpenNlpLanguageDetector(Set.of("en", "it"), "en");

        assertThat(withoutPersian.detect("سلام", Optional.empty(), Optional.empty())).isEqualTo("en");
        assertThat(detector.detect("سلام", Optional.empty(), Optional.empty())).isEqualTo("fa");
    }

    @Test
    void readsShortMessagesByTheWordsOfTheDatabasesExamplesWhereCharacterStatisticsMislead() {
        LanguageDetector byCharactersAlone = new OpenNlpLanguageDetector(SHIPPED.languages(), "en");
        LanguageDetector withTheDatabase = new OpenNlpLanguageDetector(() -> SHIPPED, "en");

        for (String english : List.of("i live in serbia, can i order", "how do i use a promo code?")) {
            assertThat(byCharactersAlone.detect(english, Optional.empty(), Optional.of("en"))).as(english).isEqualTo("it");
            assertThat(withTheDatabase.detect(english, Optional.empty(), Optional.of("en"))).as(english).isEqualTo("en");
            assertThat(withTheDatabase.detect(english, Optional.of("it"), Optional.empty())).as(english).isEqualTo("en");
        }
        assertThat(withTheDatabase.detect("kur mano siuntinys", Optional.of("en"), Optional.empty())).isEqualTo("lt");
        assertThat(withTheDatabase.detect("ciao", Optional.of("en"), Optional.empty()))
                .as("one word does not switch the conversation").isEqualTo("en");
    }

    @Test
    void followsTheDatabaseThroughRetraining(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("only-english.yaml"), """
                intents:
                  - id: greeting
                    examples:
                      en: [hello there, good morning]
                    answers:
                      en: [Hello!]
                """);
        AtomicReference<IntentDatabase> current = new AtomicReference<>(SHIPPED);
        LanguageDetector detector = new OpenNlpLanguageDetector(current::get, "en");
        assertThat(detector.detect("سلام", Optional.empty(), Optional.empty())).isEqualTo("fa");

        current.set(IntentDatabaseLoader.load(directory));

        assertThat(detector.detect("سلام", Optional.empty(), Optional.empty())).isEqualTo("en");
    }
}
