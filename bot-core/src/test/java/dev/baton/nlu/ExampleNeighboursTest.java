package dev.baton.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExampleNeighboursTest {

    private final ExampleNeighbours neighbours = ExampleNeighbours.of(SupportDesk.DATABASE);

    @Test
    void findsTheIntentOfTheMostSimilarExampleInTheMessagesLanguage() {
        assertThat(neighbours.nearestIntent(tokens("en", "where's my parcel, has it shipped?"), "en")).contains("order_status");
        assertThat(neighbours.nearestIntent(tokens("it", "non riesco ad accedere all'account"), "it")).contains("reset_password");
        assertThat(neighbours.nearestIntent(tokens("lt", "pamiršau slaptažodį"), "lt")).contains("reset_password");
    }

    @Test
    void hasNoOpinionInALanguageWithoutExamplesOrOnAnEmptyMessage() {
        assertThat(neighbours.nearestIntent(tokens("de", "wo ist meine Bestellung"), "de")).isEmpty();
        assertThat(neighbours.nearestIntent(tokens("en", "?!"), "en")).isEmpty();
    }

    private static java.util.List<String> tokens(String language, String text) {
        return TextNormalizer.forLanguage(language).tokens(text);
    }
}
