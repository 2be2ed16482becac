package dev.baton.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicWordsTest {

    private static final IntentDatabase SHOP = new IntentDatabase(List.of(
            english("order_status", "where is my order", "track my order", "my parcel is late"),
            english("cancel_order", "cancel my order", "please cancel the order"),
            english("invoices", "invoice for my order", "send me the invoice"),
            english("newsletter", "unsubscribe me", "stop the newsletter emails")), "test");

    private final TopicWords topics = TopicWords.of(SHOP);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"order", "my order", "Order?", "the order"})
    void aWordOrTwoSpreadOverSeveralIntentsNamesNoTopic(String message) {
        assertThat(topics.namesNoTopic(tokens(message), "en")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "unsubscribe",               // only the newsletter's examples have it
            "cancel order",              // "cancel" points to cancelling
            "invoice",
            "where is my order",         // a question, not a bare topic: the model reads it
            "ordr",                      // a word the examples never had: the model may still know it by its letters
            "'order, weather'"})
    void aWordThatPointsToOneIntentALongerQuestionOrAnUnknownWordIsLeftToTheModel(String message) {
        assertThat(topics.namesNoTopic(tokens(message), "en")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ciao", "Ciao!", "ciao a tutti"})
    void aMessageThatIsWordForWordAnExampleOfOnlyOneIntentNamesItsTopicThoughItsWordsAreSpreadOverSeveral(String message) {
        TopicWords italian = TopicWords.of(new IntentDatabase(List.of(
                intent("greeting", "it", "ciao", "ciao a tutti", "ehi ciao"),
                intent("goodbye", "it", "ciao ciao", "per ora è tutto, ciao", "va bene così, ciao", "ok grazie ciao")), "test"));

        assertThat(italian.namesNoTopic(TextNormalizer.forLanguage("it").tokens(message), "it")).isFalse();
        assertThat(italian.namesNoTopic(TextNormalizer.forLanguage("it").tokens("tutto ciao"), "it"))
                .as("words of both, an example of neither").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"help", "help please", "a problem", "problem with order"})
    void aPleaForHelpThatSaysNotWithWhatNamesNoTopicEvenWhereAnExampleHasTheWord(String message) {
        TopicWords withThanks = TopicWords.of(new IntentDatabase(List.of(
                english("thanks", "thanks for your help", "thank you"),
                english("order_status", "where is my order"),
                english("cancel_order", "cancel my order")), "test"));

        assertThat(withThanks.namesNoTopic(tokens(message), "en")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'کمک'", "'یه مشکل'"})
    void aPleaForHelpInPersianNamesNoTopic(String message) {
        TopicWords persian = TopicWords.of(new IntentDatabase(List.of(
                intent("thanks", "fa", "ممنون از کمک شما"),
                intent("order_status", "fa", "سفارش من کجاست")), "test"));

        assertThat(persian.namesNoTopic(TextNormalizer.forLanguage("fa").tokens(message), "fa")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"when order", "order where?", "how my order"})
    void twoOrThreeWordsWithAQuestionWordAskSomethingAndAreLeftToTheModel(String message) {
        assertThat(topics.namesNoTopic(tokens(message), "en")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"order", "unsubscribe"})
    void aLanguageWithoutExamplesHasNoBareTopics(String message) {
        assertThat(topics.namesNoTopic(tokens(message), "it")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"užsakymas", "užsakymą", "uzsakymo"})
    void everyInflectedFormOfAWordSpreadOverSeveralIntentsNamesNoTopic(String message) {
        TopicWords lithuanian = TopicWords.of(new IntentDatabase(List.of(
                intent("order_status", "lt", "kur mano užsakymas", "užsakymo būsena"),
                intent("cancel_order", "lt", "noriu atšaukti užsakymą"),
                intent("change_address", "lt", "pakeiskite užsakymo adresą")), "test"));

        assertThat(lithuanian.namesNoTopic(TextNormalizer.forLanguage("lt").tokens(message), "lt")).isTrue();
    }

    private static List<String> tokens(String message) {
        return TextNormalizer.forLanguage("en").tokens(message);
    }

    private static Intent intent(String id, String language, String... examples) {
        return new Intent(id, Map.of(), Map.of(language, List.of(examples)), Map.of(language, List.of("answer")),
                List.of(), false);
    }

    private static Intent english(String id, String... examples) {
        return intent(id, "en", examples);
    }
}
