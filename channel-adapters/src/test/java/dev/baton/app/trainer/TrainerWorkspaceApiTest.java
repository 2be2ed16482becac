package dev.baton.app.trainer;

import dev.baton.app.journey.ChatSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trainer workspace's REST API on one node (in-memory store): a trainer changes the draft, sees its problems
 * next to their fields, cannot publish it broken, publishes it fixed, and the bot answers from the new version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "baton.intents=../intents")
class TrainerWorkspaceApiTest {

    @LocalServerPort
    int port;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void onlyTrainersMayChangeTheDraft() {
        http.get().uri("/api/trainer/draft").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/trainer/draft/intents/returns/examples").headers(h -> h.setBasicAuth("bruno", "bruno-secret-1"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("language", "en", "text", "hello"))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/trainer/versions").headers(h -> h.setBasicAuth("bruno", "bruno-secret-1"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aTrainerEditsTheDraftFixesItsProblemsPublishesItAndTheBotAnswersFromIt() {
        JsonNode seeded = call("GET", "/api/trainer/versions", null, 200);
        int before = seeded.get(0).get("version").asInt();
        assertThat(seeded.get(seeded.size() - 1).get("action").stringValue()).isEqualTo("seeded");

        JsonNode broken = call("PUT", "/api/trainer/draft/intents/teapot_care", Map.of(
                "title", Map.of("en", "Teapot care"),
                "examples", Map.of("en", List.of("is the teapot dishwasher safe", "how do I clean my teapot",
                        "teapot washing instructions", "teapot cleaning tips"), "it", List.of("come lavo la teiera")),
                "answers", Map.of("en", List.of("Rinse our teapots by hand with warm water; never in the dishwasher."))), 200);
        assertThat(broken.get("started").asBoolean()).isTrue();
        assertThat(broken.get("changedBy").stringValue()).isEqualTo("alice");
        assertThat(broken.get("publishable").asBoolean()).isFalse();
        JsonNode problem = broken.get("problems").get(0);
        assertThat(problem.get("file").stringValue()).isEqualTo("workspace.yaml");
        assertThat(problem.get("line").asInt()).isPositive();
        assertThat(problem.get("message").stringValue()).contains("language \"it\" has examples but no answers");
        assertThat(List.of(problem.get("intent").stringValue(), problem.get("field").stringValue(), problem.get("language").stringValue()))
                .containsExactly("teapot_care", "examples", "it");
        assertThat(broken.get("changes").get("added").get(0).stringValue()).isEqualTo("teapot_care");

        JsonNode refused = call("POST", "/api/trainer/draft/publish", Map.of("note", "teapots"), 422);
        assertThat(refused.get("error").stringValue()).isEqualTo("draft_has_problems");
        assertThat(refused.get("problems").get(0).get("intent").stringValue()).isEqualTo("teapot_care");

        JsonNode fixed = call("PUT", "/api/trainer/draft/intents/teapot_care/languages/it", Map.of("title", "Cura della teiera",
                "examples", List.of("come lavo la teiera", "la teiera va in lavastoviglie?"),
                "answers", List.of("Lavate le nostre teiere a mano con acqua tiepida, mai in lavastoviglie.")), 200);
        assertThat(fixed.get("publishable").asBoolean()).isTrue();
        assertThat(fixed.get("revision").asInt()).as("one change on top of the broken one").isEqualTo(broken.get("revision").asInt() + 1);

        JsonNode published = call("POST", "/api/trainer/draft/publish", Map.of("note", "teapot care"), 200);
        assertThat(published.get("version").asInt()).isEqualTo(before + 1);
        assertThat(published.get("publishedBy").stringValue()).isEqualTo("alice");
        assertThat(published.get("note").stringValue()).isEqualTo("teapot care");
        assertThat(askTheBot("how do I clean my teapot?")).startsWith("Rinse our teapots by hand");
        assertThat(call("GET", "/api/trainer/draft", null, 200).get("started").asBoolean()).isFalse();
        assertThat(call("GET", "/api/trainer/versions", null, 200).get(0).get("intentsVersion").stringValue())
                .isEqualTo(call("GET", "/api/trainer/knowledge", null, 200).get("version").stringValue());
        assertThat(call("GET", "/api/trainer/intents?q=teapot_care", null, 200)).extracting(i -> i.get("id").stringValue())
                .containsExactly("teapot_care");
    }

    @Test
    void aChangeToAnUnknownIntentOrWithoutATextIsRefusedAndChangesNothing() {
        long revision = call("GET", "/api/trainer/draft", null, 200).get("revision").asLong();
        assertThat(call("POST", "/api/trainer/draft/intents/no_such_intent/examples", Map.of("language", "en", "text", "hi"), 404)
                .get("error").stringValue()).isEqualTo("not_found");
        assertThat(call("POST", "/api/trainer/draft/intents/returns/examples", Map.of("language", "en"), 400)
                .get("message").stringValue()).contains("\"text\"");
        assertThat(call("POST", "/api/trainer/versions/999/rollback", null, 404).get("message").stringValue())
                .isEqualTo("there is no version 999");
        Map<String, Object> nullExample = new HashMap<>();
        nullExample.put("examples", Arrays.asList("return it", null));
        assertThat(call("PUT", "/api/trainer/draft/intents/returns/languages/en", nullExample, 400).get("message").stringValue())
                .isEqualTo("\"examples\" contains null; give texts only");
        assertThat(call("POST", "/api/trainer/draft/sandbox", Map.of("text", " "), 400).get("error").stringValue())
                .isEqualTo("bad_request");
        assertThat(call("PUT", "/api/trainer/draft/intents/returns/languages/en", "{\"examples\": [\"return it\"", 400)
                .get("message").stringValue()).isEqualTo("Failed to read HTTP message: Unexpected end-of-input: expected close marker for Array, in \"examples[1]\"");
        assertThat(call("PUT", "/api/trainer/draft/intents/returns/languages/en", "{\"examples\": {\"en\": 1}}", 400)
                .get("message").stringValue())
                .isEqualTo("Failed to read HTTP message: Cannot deserialize value of type `list` from Object value, in \"examples\"");
        assertThat(call("PUT", "/api/trainer/draft/intents/returns/languages/en", "[1]", 400).get("message").stringValue())
                .as("no class of ours named").isEqualTo("Failed to read HTTP message: Cannot deserialize value of type `object` from Array value");
        assertThat(call("GET", "/api/trainer/draft", null, 200).get("revision").asLong()).as("nothing was saved").isEqualTo(revision);
    }

    private JsonNode call(String method, String path, Object body, int expectedStatus) {
        return new TrainerHttp(port).call(method, path, body, expectedStatus);
    }

    private String askTheBot(String question) {
        try (ChatSocket visitor = ChatSocket.connect(port, "/ws/visitor")) {
            visitor.send(Map.of("type", "hello", "visitorId", "v-teapot", "language", "en"));
            visitor.await("welcome");
            visitor.send(Map.of("type", "message", "text", question));
            return visitor.awaitMessage("bot").get("text").stringValue();
        }
    }
}
