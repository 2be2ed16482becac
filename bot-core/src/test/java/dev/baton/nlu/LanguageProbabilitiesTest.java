package dev.baton.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fast layout must not change a single detection: it is checked against OpenNLP's own detector. */
class LanguageProbabilitiesTest {

    private static LanguageDetectorModel model;

    @BeforeAll
    static void loadModel() throws IOException {
        try (InputStream in = LanguageProbabilitiesTest.class.getResourceAsStream("/langdetect-183.bin")) {
            model = new LanguageDetectorModel(in);
        }
    }

    @Test
    void givesOpenNlpsProbabilitiesForEveryShippedExampleAndTextsInOtherScripts() throws IOException {
        LanguageProbabilities fast = new LanguageProbabilities(model);
        LanguageDetectorME openNlp = new LanguageDetectorME(model);
        List<String> languages = List.of(fast.languages());
        List<String> texts = Stream.concat(shippedExamples(), Stream.of(
                        "", "?", "ok", "Guten Tag, ich habe eine Frage zu meiner Rechnung", "Здравствуйте, где мой заказ?",
                        "注文はどこですか", "مرحبا، أين طلبي؟", "שלום", "https://example.com/a?b=1 😀 12345", "ééé ççç"))
                .toList();
        assertThat(texts).hasSizeGreaterThan(1000);

        for (String text : texts) {
            double[] probabilities = fast.of(text);
            for (Language expected : openNlp.predictLanguages(text)) {
                assertThat(probabilities[languages.indexOf(expected.getLang())])
                        .as("%s in '%s'", expected.getLang(), text)
                        .isCloseTo(expected.getConfidence(), within(1e-12));
            }
        }
    }

    /** Every line of the shipped intent files: English, Italian, Lithuanian and Persian examples and answers. */
    private static Stream<String> shippedExamples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../intents"))) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(line -> line.replaceFirst("^\\s*-?\\s*", ""))
                    .filter(line -> !line.isBlank())
                    .toList()
                    .stream();
        }
    }
}
