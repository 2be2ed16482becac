package dev.baton.intents;

import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IntentYamlWriterTest {

    private static final Pattern INTENT_ID = Pattern.compile("(?m)^  - id: (\\S+)$");

    @Test
    void everyShippedFileWrittenAgainReadsAsTheSameIntents() {
        IntentDatabase shipped = IntentDatabaseLoader.load(Path.of("../intents"));

        List<IntentSource> rewritten = shipped.sources().stream()
                .map(file -> new IntentSource(file.name(), IntentYamlWriter.write(idsIn(file).stream()
                        .map(id -> shipped.find(id).orElseThrow()).toList())))
                .toList();

        IntentDatabase reread = IntentDatabaseLoader.parse(rewritten);
        assertThat(reread.intents()).hasSize(shipped.size()).isEqualTo(shipped.intents());
    }

    @Test
    void textsThatLookLikeYamlStayTexts() {
        List<String> tricky = List.of("refund for order 12345?", "note: this #is not a comment", "- a dash first",
                "yes", "null", "~", "123", "[not, a, list]", "{not: a map}", "he said \"hi\" \\o/", "line one\nline two",
                "tab\there", "*star &anchor !tag %percent @at `tick", "نمی‌تونم وارد حسابم بشم", "☕ tea 🫖", "'single'");
        Intent intent = new Intent("tricky", Map.of("en", "Tricky: \"title\"?"), Map.of("en", tricky),
                Map.of("en", tricky, "it", List.of("Sì: davvero?")), List.of("plain"), true);
        Intent plain = new Intent("plain", Map.of(), Map.of("en", List.of("plain words"), "fa", List.of("سلام")),
                Map.of("en", List.of("Plain."), "fa", List.of("سلام!")), List.of(), false);
        Intent outOfScope = new Intent(Intent.OUT_OF_SCOPE, Map.of(), Map.of("en", List.of("weather in rome")), Map.of(),
                List.of(), false);

        String yaml = IntentYamlWriter.write(List.of("What the demo shop answers.", "", "Second line."),
                List.of(intent, plain, outOfScope));

        assertThat(yaml).startsWith("""
                # What the demo shop answers.
                #
                # Second line.
                intents:
                  - id: tricky
                    title:
                      en: "Tricky: \\"title\\"?"
                    examples:
                      en:
                        - "refund for order 12345?"
                """);
        assertThat(IntentDatabaseLoader.parse(List.of(new IntentSource("faq.yaml", yaml))).intents())
                .containsExactly(intent, plain, outOfScope);
    }

    @Test
    void whatTheLoaderRefusesIsWrittenSoThatTheLoaderStillFindsIt() {
        Intent broken = new Intent("Bad Id", Map.of(), Map.of("en", List.of("hello"), "EN", List.of()), Map.of(),
                List.of(), false);

        String yaml = IntentYamlWriter.write(List.of(broken));

        assertThat(yaml).contains("- id: \"Bad Id\"", "\"EN\": []");
        InvalidIntentDatabaseException refused = catchThrowableOfType(InvalidIntentDatabaseException.class,
                () -> IntentDatabaseLoader.parse(List.of(new IntentSource("faq.yaml", yaml))));
        assertThat(refused.problems()).extracting(IntentFileProblem::message)
                .anySatisfy(m -> assertThat(m).contains("is not valid"))
                .anySatisfy(m -> assertThat(m).contains("has no answers"))
                .anySatisfy(m -> assertThat(m).contains("\"EN\" is not a language code"));
    }

    private static List<String> idsIn(IntentSource file) {
        Matcher ids = INTENT_ID.matcher(file.content());
        List<String> found = new ArrayList<>();
        while (ids.find()) {
            found.add(ids.group(1));
        }
        return found;
    }
}
