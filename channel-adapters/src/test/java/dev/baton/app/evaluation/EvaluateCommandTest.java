package dev.baton.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.baton.nlu.SupportDesk;
import dev.baton.nlu.evaluation.ExampleSet;
import dev.baton.nlu.evaluation.LabelledExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class EvaluateCommandTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void reportsQualityOnATestFileWithOutOfScopeMessages() throws IOException {
        Path train = jsonLines("train.jsonl", ExampleSet.of(SupportDesk.DATABASE).examples());
        Path test = jsonLines("test.jsonl", List.of(
                new LabelledExample("where is my package", "order_status", "en"),
                new LabelledExample("ho perso la password", "reset_password", "it"),
                new LabelledExample("kur mano siuntinys", "order_status", "lt"),
                new LabelledExample("what is the capital of peru", "oos", "en"),
                new LabelledExample("play some jazz music", "oos", "en")));
        Path predictions = dir.resolve("predictions.jsonl");

        int exit = run("--train", train.toString(), "--test", test.toString(), "--threshold", "0.5",
                "--predictions", predictions.toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(report.get("top1Accuracy").asDouble()).isEqualTo(1.0);
        for (String ratio : List.of("inScopeAccuracy", "oosRecall", "answeredPrecision", "answeredRate", "macroF1")) {
            assertThat(report.get(ratio).asDouble()).as(ratio).isBetween(0.0, 1.0);
        }
        // Rounded to hundredths of a second: a database this small trains in less (CI once saw 0.0).
        assertThat(report.get("trainSeconds").isNumber()).isTrue();
        assertThat(report.get("trainSeconds").asDouble()).isNotNegative();
        assertThat(report.get("latencyMicros").get("p99").asDouble())
                .isGreaterThanOrEqualTo(report.get("latencyMicros").get("p50").asDouble());
        assertThat(report.get("perIntent").get("order_status").get("support").asInt()).isEqualTo(2);
        assertThat(report.get("perLanguage").properties()).extracting(Map.Entry::getKey)
                .containsExactly("en", "it", "lt");

        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(5);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("text").asString()).isEqualTo("where is my package");
        assertThat(first.get("expected").asString()).isEqualTo("order_status");
        assertThat(first.get("predicted").asString()).isEqualTo("order_status");
        assertThat(first.get("answered").asBoolean()).isEqualTo(first.get("confidence").asDouble() >= 0.5);
    }

    @Test
    void crossValidatesAnIntentsDatabaseAndReportsEachLanguage() throws IOException {
        Path train = jsonLines("train.jsonl", ExampleSet.of(SupportDesk.DATABASE).examples());

        int exit = run("--train", train.toString(), "--folds", "3");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("testExamples").asInt()).isEqualTo(SupportDesk.DATABASE.intents().stream()
                .mapToInt(i -> i.examples().values().stream().mapToInt(List::size).sum()).sum());
        assertThat(report.get("thresholdSource").asString()).contains("cross-validation");
        assertThat(report.get("perLanguage").get("fa").get("top1Accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(report.get("oosRecall").isNull()).isTrue();
    }

    @Test
    void reportsWhatTheBotDoesWithLabelledMessagesPerLanguage() throws IOException {
        Path intents = Files.writeString(dir.resolve("faq.yaml"), FAQ);
        Path messages = Files.writeString(dir.resolve("messages.jsonl"), """
                {"lang": "en", "text": "where has my parcel got to", "intent": "order_status"}
                {"lang": "en", "text": "I want to speak to a person", "intent": "handoff"}
                {"lang": "en", "text": "what is the capital of peru", "intent": "oos"}
                {"lang": "it", "text": "dov'è il pacco", "intent": "order_status", "alsoRight": ["clarify"]}
                """);
        Path predictions = dir.resolve("decisions.jsonl");

        int exit = run("--train", intents.toString(), "--decisions", messages.toString(), "--threshold", "0.3",
                "--predictions", predictions.toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("messages").asInt()).isEqualTo(4);
        assertThat(report.get("threshold").asDouble()).isEqualTo(0.3);
        assertThat(report.get("perLanguage").properties()).extracting(Map.Entry::getKey).containsExactly("en", "it");
        for (JsonNode shares : List.of(report.get("overall"), report.get("perLanguage").get("en"))) {
            double outcomes = 0;
            for (String outcome : List.of("answeredRight", "answeredWrong", "clarified", "handedOff", "notUnderstood")) {
                outcomes += shares.get(outcome).asDouble();
            }
            assertThat(outcomes).isCloseTo(1.0, within(1e-3));
            assertThat(shares.get("confidentlyWrong").asDouble()).isEqualTo(shares.get("answeredWrong").asDouble());
        }
        assertThat(report.get("perLanguage").get("en").get("handedOff").asDouble()).isGreaterThan(0);

        List<JsonNode> lines = Files.readAllLines(predictions).stream().map(JSON::readTree).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1).get("outcome").asString()).isEqualTo("handed_off");
        assertThat(lines.get(1).get("right").asBoolean()).isTrue();
        assertThat(lines.get(3).get("alsoRight").get(0).asString()).isEqualTo("clarify");
        assertThat(lines.get(3).get("why").asString()).isNotBlank();
    }

    @Test
    void namesTheLineOfALabelThatIsNoIntentNorOutcome() throws IOException {
        Path intents = Files.writeString(dir.resolve("faq.yaml"), FAQ);
        Path messages = Files.writeString(dir.resolve("messages.jsonl"), """
                {"lang": "en", "text": "where has my parcel got to", "intent": "order_status"}
                {"lang": "en", "text": "money back?", "intent": "refund"}
                """);

        assertThat(run("--train", intents.toString(), "--decisions", messages.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(messages + ":2:").contains("'refund'").contains("oos, unclear or handoff");
    }

    @Test
    void needsTheIntentFilesToJudgeDecisions() throws IOException {
        Path train = jsonLines("train.jsonl", ExampleSet.of(SupportDesk.DATABASE).examples());

        assertThat(run("--train", train.toString(), "--decisions", train.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("--decisions needs --train to be an intents directory or YAML file");

        err.reset();
        assertThat(run("--train", train.toString(), "--decisions", "m.jsonl", "--test", "t.jsonl")).isEqualTo(2);
        assertThat(err.toString()).contains("--decisions cannot be combined with --test");
    }

    private static final String FAQ = """
            intents:
              - id: order_status
                examples:
                  en: [where is my order, track my parcel, my package has not arrived, where is my delivery]
                  it: [dov'è il mio ordine, dove si trova il pacco, il pacco non è arrivato]
                answers:
                  en: ["Follow it in My orders."]
                  it: ["Seguilo in I miei ordini."]
              - id: refunds
                examples:
                  en: [when do I get my money back, refund status, I want a refund]
                  it: [quando arriva il rimborso, voglio un rimborso]
                answers:
                  en: ["Within 5 working days."]
                  it: ["Entro 5 giorni lavorativi."]
              - id: talk_to_human
                examples:
                  en: [I want to talk to a person, human please]
                answers:
                  en: ["Fetching a colleague."]
                handoff: true
            """;

    @Test
    void namesTheFileAndLineOfAMalformedRecord() throws IOException {
        Path train = dir.resolve("broken.jsonl");
        Files.writeString(train, """
                {"text": "where is my order", "intent": "order_status"}
                {"text": "refund please", "intent": "refund"}
                {"text": "no intent here"}
                """);

        int exit = run("--train", train.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains(train + ":3:").contains("\"intent\"");
    }

    @Test
    void explainsAnUnreadableFile() {
        int exit = run("--train", dir.resolve("missing.jsonl").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("missing.jsonl").contains("cannot read");
    }

    @Test
    void printsUsageForBadArguments() {
        assertThat(run("--test", "x.jsonl")).isEqualTo(2);
        assertThat(err.toString()).contains("--train is required").contains("usage: evaluate");

        err.reset();
        assertThat(run("--train", "x.jsonl", "--threshold", "high")).isEqualTo(2);
        assertThat(err.toString()).contains("--threshold must be a number");

        err.reset();
        assertThat(run("--train", "x.jsonl", "--verbose")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown argument --verbose");
    }

    private int run(String... args) {
        return EvaluateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path jsonLines(String name, List<LabelledExample> examples) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (LabelledExample e : examples) {
            lines.append(JSON.writeValueAsString(Map.of("text", e.text(), "intent", e.intent(), "lang", e.language())))
                    .append('\n');
        }
        return Files.writeString(dir.resolve(name), lines);
    }
}
