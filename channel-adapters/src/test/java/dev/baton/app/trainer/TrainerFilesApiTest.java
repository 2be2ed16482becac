package dev.baton.app.trainer;

import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Git stays first-class: a trainer exports any version as the intents/ files, imports files back into the draft (a
 * round trip gives the same version again), and brings a Rasa project over with a report of what did not map.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "baton.intents=../intents")
class TrainerFilesApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path RASA_INIT = Path.of("../bot-core/src/test/resources/rasa-init");

    @LocalServerPort
    int port;

    private WebTestClient http;

    @BeforeEach
    void clientWithoutADraft() {
        // Publishing trains and calibrates a model: seconds on a busy machine.
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(180)).build();
        json(http.delete().uri("/api/trainer/draft"), 200);
    }

    @Test
    void aVersionIsExportedAsExactlyItsFilesAndEachFileAsYaml() {
        int latest = latestVersion();
        JsonNode version = json(http.get().uri("/api/trainer/versions/" + latest), 200);

        List<IntentSource> exported = IntentFilesZip.read("export", http.get().uri("/api/trainer/versions/" + latest + "/export")
                .headers(h -> h.setBasicAuth("alice", "alice-secret-1")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/zip")
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"intents-version-" + latest + ".zip\"")
                .expectBody().returnResult().getResponseBody());

        assertThat(exported).isEqualTo(filesOf(version));
        assertThat(exported).extracting(IntentSource::name).contains("orders.yaml", "out_of_scope.yaml");
        String orders = http.get().uri("/api/trainer/versions/" + latest + "/files/orders.yaml")
                .headers(h -> h.setBasicAuth("alice", "alice-secret-1")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/yaml")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(orders).isEqualTo(exported.stream().filter(f -> f.name().equals("orders.yaml")).findFirst().orElseThrow().content())
                .startsWith("# Orders after checkout");
        assertThat(json(http.get().uri("/api/trainer/versions/" + latest + "/files/nothing.yaml"), 404).get("message").stringValue())
                .startsWith("version " + latest + " has no file \"nothing.yaml\"; its files are account.yaml, ");
    }

    @Test
    void anExportImportedIntoTheDraftAndPublishedIsTheSameVersionAgain() {
        int exportedVersion = latestVersion();
        byte[] export = http.get().uri("/api/trainer/versions/" + exportedVersion + "/export")
                .headers(h -> h.setBasicAuth("alice", "alice-secret-1")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        json(http.post().uri("/api/trainer/draft/intents/order_status/examples").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("language", "en", "text", "is my teapot on the lorry yet")), 200);
        int changed = json(http.post().uri("/api/trainer/draft/publish"), 200).get("version").asInt();

        Multipart upload = new Multipart();
        upload.file("files", "intents-version-" + exportedVersion + ".zip", export);
        upload.field("replaceAll", "true");
        JsonNode draft = json(http.post().uri("/api/trainer/draft/import").contentType(upload.type()).bodyValue(upload.bytes()), 200);
        assertThat(draft.get("publishable").asBoolean()).isTrue();
        assertThat(draft.get("changes").get("changed").get(0).get("intent").stringValue()).isEqualTo("order_status");
        int reimported = json(http.post().uri("/api/trainer/draft/publish"), 200).get("version").asInt();

        assertThat(reimported).isEqualTo(changed + 1);
        JsonNode original = json(http.get().uri("/api/trainer/versions/" + exportedVersion), 200);
        JsonNode again = json(http.get().uri("/api/trainer/versions/" + reimported), 200);
        assertThat(filesOf(again)).isEqualTo(filesOf(original));
        assertThat(again.get("version").get("intentsVersion").stringValue())
                .isEqualTo(original.get("version").get("intentsVersion").stringValue())
                .isEqualTo(json(http.get().uri("/api/trainer/knowledge"), 200).get("version").stringValue());
    }

    @Test
    void importedFilesWithProblemsAreRefusedWithEveryProblemAndTheDraftKeepsWhatItHad() {
        json(http.post().uri("/api/trainer/draft/intents/returns/examples").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("language", "en", "text", "can I send back a chipped mug")), 200);
        Multipart upload = new Multipart();
        upload.file("files", "loyalty.yaml", IntentFiles.LOYALTY.getBytes(StandardCharsets.UTF_8));
        upload.file("files", "gifts.yaml", """
                intents:
                  - id: gift_wrap
                    examples:
                      en: [can you gift wrap it]
                    answers:
                      en: ["Yes, for 2 EUR."]
                    followUps: [loyalty_point]
                  - id: Broken Id
                    examples:
                      en: [hello there]
                """.getBytes(StandardCharsets.UTF_8));

        JsonNode refused = json(http.post().uri("/api/trainer/draft/import").contentType(upload.type()).bodyValue(upload.bytes()), 422);

        assertThat(refused.get("error").stringValue()).isEqualTo("invalid_intents");
        List<String> problems = new ArrayList<>();
        refused.get("problems").forEach(p -> problems.add(p.get("file").stringValue() + ":" + p.get("line").asInt()));
        assertThat(problems).contains("gifts.yaml:7", "gifts.yaml:8");
        assertThat(refused.toString()).contains("did you mean \\\"loyalty_points\\\"");
        JsonNode draft = json(http.get().uri("/api/trainer/draft"), 200);
        assertThat(draft.get("revision").asInt()).isEqualTo(1);
        assertThat(draft.get("files")).extracting(f -> f.get("name").stringValue()).doesNotContain("loyalty.yaml", "gifts.yaml");
    }

    @Test
    void aRasaInitProjectIsImportedIntoTheDraftAsANewFileWithAReportOfWhatDidNotMap() throws IOException {
        Multipart upload = new Multipart();
        upload.file("nlu", "nlu.yml", Files.readAllBytes(RASA_INIT.resolve("data/nlu.yml")));
        upload.file("domain", "domain.yml", Files.readAllBytes(RASA_INIT.resolve("domain.yml")));
        upload.field("language", "en");
        upload.field("file", "imported/moodbot.yaml");

        JsonNode report = json(http.post().uri("/api/trainer/draft/import/rasa").contentType(upload.type()).bodyValue(upload.bytes()), 200);

        assertThat(report.get("intents")).extracting(JsonNode::stringValue)
                .containsExactly("greet", "goodbye", "affirm", "deny", "mood_great", "mood_unhappy", "bot_challenge");
        assertThat(report.get("unanswered")).extracting(JsonNode::stringValue)
                .containsExactly("affirm", "deny", "mood_great", "mood_unhappy", "bot_challenge");
        assertThat(report.get("notImported")).anySatisfy(note -> {
            assertThat(note.get("file").stringValue()).isEqualTo("domain.yml");
            assertThat(note.get("line").asInt()).isEqualTo(29);
            assertThat(note.get("message").stringValue()).startsWith("response \"utter_iamabot\" is not imported");
        });
        JsonNode draft = report.get("draft");
        assertThat(draft.get("publishable").asBoolean()).isFalse();
        assertThat(draft.get("files")).extracting(f -> f.get("name").stringValue()).contains("imported/moodbot.yaml");
        assertThat(draft.get("problems")).anySatisfy(problem -> {
            assertThat(problem.get("file").stringValue()).isEqualTo("imported/moodbot.yaml");
            assertThat(problem.get("intent").stringValue()).isEqualTo("bot_challenge");
            assertThat(problem.get("message").stringValue()).contains("has no answers");
        });
        assertThat(json(http.post().uri("/api/trainer/draft/publish"), 422).get("error").stringValue()).isEqualTo("draft_has_problems");
    }

    @Test
    void rasaFilesThatCannotBeReadAreRefusedAndImportNothing() {
        Multipart upload = new Multipart();
        upload.file("nlu", "nlu.yml", "nlu:\n- intent: greet\n  examples: |\n    - hi\n    hello\n".getBytes(StandardCharsets.UTF_8));
        upload.field("language", "en");

        JsonNode refused = json(http.post().uri("/api/trainer/draft/import/rasa").contentType(upload.type()).bodyValue(upload.bytes()), 422);

        assertThat(refused.get("error").stringValue()).isEqualTo("unreadable_rasa_files");
        assertThat(refused.get("problems").get(0).toString())
                .isEqualTo("{\"file\":\"nlu.yml\",\"line\":5,\"message\":\"every line of \\\"examples:\\\" must start with \\\"- \\\", like  - hello\"}");
        assertThat(json(http.get().uri("/api/trainer/draft"), 200).get("started").asBoolean()).isFalse();
    }

    /**
     * A multipart body written here, with a fixed boundary: the client's own writer draws the boundary from
     * SecureRandom on its event loop, which BlockHound refuses.
     */
    private static final class Multipart {
        private static final String BOUNDARY = "baton-test-boundary";
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        void file(String name, String filename, byte[] content) {
            part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"", content);
        }

        void field(String name, String value) {
            part("Content-Disposition: form-data; name=\"" + name + "\"", value.getBytes(StandardCharsets.UTF_8));
        }

        MediaType type() {
            return MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY);
        }

        byte[] bytes() {
            body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return body.toByteArray();
        }

        private void part(String disposition, byte[] content) {
            body.writeBytes(("--" + BOUNDARY + "\r\n" + disposition + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private int latestVersion() {
        return json(http.get().uri("/api/trainer/versions"), 200).get(0).get("version").asInt();
    }

    private static List<IntentSource> filesOf(JsonNode version) {
        List<IntentSource> files = new ArrayList<>();
        version.get("files").forEach(f -> files.add(new IntentSource(f.get("name").stringValue(), f.get("content").stringValue())));
        return files;
    }

    private static JsonNode json(WebTestClient.RequestHeadersSpec<?> request, int expectedStatus) {
        return JSON.readTree(request.headers(h -> h.setBasicAuth("alice", "alice-secret-1")).exchange()
                .expectStatus().isEqualTo(expectedStatus).expectBody().returnResult().getResponseBody());
    }
}
