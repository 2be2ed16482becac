package dev.baton.app.warmup;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WarmUpQuestionsTest {

    private static final Intent SHIPPING = new Intent("shipping", Map.of("en", "Shipping"),
            Map.of("en", List.of("How much is shipping?", "Do you ship abroad?", "Shipping cost to Italy"),
                    "it", List.of("Quanto costa la spedizione?")),
            Map.of("en", List.of("Shipping is free.")), List.of(), false);
    private static final Intent RETURNS = new Intent("returns", Map.of("en", "Returns"),
            Map.of("en", List.of("How do I return an item?", "Can I send it back?"),
                    "fa", List.of("چطور کالا را برگردانم؟")),
            Map.of("en", List.of("Within 30 days.")), List.of(), false);

    @Test
    void whatNoIntentCoversIsAskedFirstAndThenEveryExampleInEveryLanguageOnce() {
        List<String> questions = MessagePathWarmUp.questions(new IntentDatabase(List.of(SHIPPING, RETURNS), "test"));

        List<String> examples = Stream.of(SHIPPING, RETURNS)
                .flatMap(intent -> intent.examples().values().stream())
                .flatMap(List::stream)
                .toList();
        int uncovered = MessagePathWarmUp.UNCOVERED.size();
        assertThat(questions.subList(0, uncovered)).containsExactlyElementsOf(MessagePathWarmUp.UNCOVERED);
        assertThat(questions.subList(uncovered, questions.size())).containsExactlyInAnyOrderElementsOf(examples);
    }

    @Test
    void eachStretchOfQuestionsMixesIntentsAndLanguagesInsteadOfAskingOneIntentAtATime() {
        List<String> asked = MessagePathWarmUp.questions(new IntentDatabase(List.of(SHIPPING, RETURNS), "test"));
        List<String> questions = asked.subList(MessagePathWarmUp.UNCOVERED.size(), asked.size());

        // One first example of each intent and language before any second one.
        assertThat(questions.subList(0, 4)).containsExactlyInAnyOrder("How much is shipping?", "Quanto costa la spedizione?",
                "How do I return an item?", "چطور کالا را برگردانم؟");
        assertThat(questions.subList(4, 6)).containsExactlyInAnyOrder("Do you ship abroad?", "Can I send it back?");
    }
}
