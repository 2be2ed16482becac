package dev.baton.engine;

import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.nlu.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shortcut that spares normalising earlier messages must never skip one that would have matched. */
class EarlierQuestionFilterTest {

    @Test
    void skipsOnlyMessagesThatCannotNormaliseToTheSameText() {
        IntentDatabase shipped = IntentDatabaseLoader.load(Path.of("../intents"));
        List<String> texts = new ArrayList<>(List.of("Where is my ORDER?!", "where-is my order", "whereismyorder",
                "Perché?", "perche", "ok", "OK!!", "", "  "));
        shipped.intents().forEach(intent -> intent.examples().values().forEach(texts::addAll));
        TextNormalizer normalizer = TextNormalizer.forLanguage("en");
        int skipped = 0;
        for (String current : texts.subList(0, 400)) {
            String compact = normalizer.normalize(current).replace(" ", "");
            for (String earlier : texts) {
                boolean couldMatch = normalizer.normalize(earlier).replace(" ", "").equals(compact);
                if (!ConversationEngine.mayNormalizeTo(earlier, compact)) {
                    assertThat(couldMatch).as("'%s' skipped for '%s'", earlier, current).isFalse();
                    skipped++;
                }
            }
        }
        assertThat(skipped).as("the shortcut must actually skip most messages").isGreaterThan(400 * texts.size() / 2);
    }
}
