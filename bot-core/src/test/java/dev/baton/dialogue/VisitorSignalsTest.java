package dev.baton.dialogue;

import dev.baton.conversation.Mood;
import dev.baton.nlu.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the bot hears "get me a person" and frustration in every supported language. */
class VisitorSignalsTest {

    private final HumanRequestDetector humans = new HumanRequestDetector();
    private final MoodDetector moods = new MoodDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|I want to talk to a person",
            "en|can I speak with someone please",
            "en|human please",
            "en|get me a real person",
            "en|transfer me to customer service",
            "en|I need a representative",
            "en|can I chat with the staff",
            "en|put me through to somebody",
            "en|real people please",
            "it|voglio parlare con un operatore",
            "it|Vorrei parlare con una persona",
            "it|operatore",
            "it|passami un operatore per favore",
            "it|vorrei parlare con qualcuno",
            "it|voglio un consulente",
            "it|posso parlare con un essere umano?",
            "it|can I talk to an agent",
            "lt|Noriu kalbėti su žmogumi",
            "lt|noriu kalbeti su operatoriumi",
            "lt|sujunkite su konsultantu",
            "lt|noriu pasikalbėti su darbuotoju",
            "fa|می‌خواهم با یک اپراتور صحبت کنم",
            "fa|اپراتور",
            "fa|منو به پشتیبانی وصل کنید",
            "fa|میخوام با یه آدم حرف بزنم"})
    void recognisesARequestForAPerson(String language, String text) {
        assertThat(humans.asksForHuman(normalized(text, language), language)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|where is my order",
            "en|how much is shipping to Italy",
            "it|quanto costa la spedizione",
            "lt|kada atvyks mano užsakymas",
            "fa|سفارش من کجاست",
            "fa|ایمیل پشتیبانی چیه"})
    void doesNotHearARequestForAPersonInOrdinaryQuestions(String language, String text) {
        assertThat(humans.asksForHuman(normalized(text, language), language)).isFalse();
    }

    @Test
    void readsInsultsAsAnger() {
        MoodReading reading = read("en", "you stupid bot", List.of());

        assertThat(reading.mood()).isEqualTo(Mood.ANGRY);
        assertThat(reading.signals()).contains("insult");
    }

    @Test
    void readsThisIsUselessAsFrustrationInItalianToo() {
        assertThat(read("en", "this is useless", List.of()).mood()).isEqualTo(Mood.FRUSTRATED);
        assertThat(read("it", "sei inutile, non capisci niente", List.of()).mood()).isEqualTo(Mood.FRUSTRATED);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en|you are thieves, I want my money back",
            "en|this shop is a scam",
            "en|I will talk to my lawyer",
            "it|siete dei ladri, rivoglio i miei soldi",
            "it|è una truffa",
            "lt|jūs esate sukčiai",
            "fa|شما کلاهبردار هستید"})
    void readsCallingTheShopThievesOrThreateningALawyerAsAnger(String language, String text) {
        MoodReading reading = read(language, text, List.of());

        assertThat(reading.mood()).isEqualTo(Mood.ANGRY);
        assertThat(reading.signals()).contains("accuses or threatens");
    }

    @Test
    void readsAVisitorWhoSaysTheyAreAnnoyedAsFrustrated() {
        assertThat(read("en", "really annoyed, I want a person now", List.of()).mood()).isEqualTo(Mood.FRUSTRATED);
        assertThat(read("it", "sono arrabbiato, il pacco non arriva", List.of()).mood()).isEqualTo(Mood.FRUSTRATED);
        assertThat(read("fa", "خیلی عصبانی هستم", List.of()).mood()).isEqualTo(Mood.FRUSTRATED);
    }

    @Test
    void readsShoutingFromCapitals() {
        MoodReading reading = read("en", "WHERE IS MY PARCEL", List.of());

        assertThat(reading.mood()).isEqualTo(Mood.FRUSTRATED);
        assertThat(reading.signals()).containsExactly("shouting");
    }

    @Test
    void readsTheSameQuestionAgainAsFrustration() {
        MoodReading reading = read("en", "Where is my order?", List.of(normalized("where is my order", "en")));

        assertThat(reading.signals()).containsExactly("the same question again");
    }

    @Test
    void aCalmQuestionIsNeutral() {
        assertThat(read("en", "Hi, how long does delivery take to Milan?", List.of("hello"))).isEqualTo(MoodReading.NEUTRAL);
    }

    private MoodReading read(String language, String text, List<String> earlier) {
        return moods.read(text, normalized(text, language), language, earlier);
    }

    private static String normalized(String text, String language) {
        return TextNormalizer.forLanguage(language).normalize(text);
    }
}
