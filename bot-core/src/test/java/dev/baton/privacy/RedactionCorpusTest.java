package dev.baton.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data as visitors really write it, in English, Italian, Lithuanian and Persian (with Persian and
 * Arabic-Indic digits): {@code privacy/redaction-corpus.tsv}. Whatever goes into a summary, a log or the trainers'
 * inbox must keep none of it, and keep what is not personal (order numbers, prices, dates).
 */
class RedactionCorpusTest {

    private final PersonalDataRedactor redactor = new PersonalDataRedactor();

    record Sample(String language, String text, List<String> personal, List<String> kept) {
        @Override
        public String toString() {
            return language + ": " + text;
        }
    }

    static Stream<Sample> corpus() throws IOException {
        try (InputStream in = RedactionCorpusTest.class.getResourceAsStream("/privacy/redaction-corpus.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(f -> new Sample(f[0], f[1], parts(f[2]), parts(f[3])))
                    .toList().stream();
        }
    }

    private static List<String> parts(String field) {
        return Arrays.stream(field.split(" \\| ")).map(String::strip).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void keepsNoPersonalDataAndEverythingElse(Sample sample) {
        String redacted = redactor.redactAll(sample.text());

        assertThat(sample.personal()).as("personal data left in: %s", redacted).noneMatch(redacted::contains);
        assertThat(sample.kept()).as("lost from: %s", redacted).allMatch(redacted::contains);
    }

    @Test
    void theCorpusCoversEveryLanguageBatonSpeaks() throws IOException {
        assertThat(corpus().map(Sample::language).distinct()).containsExactlyInAnyOrder("en", "it", "lt", "fa");
    }
}
