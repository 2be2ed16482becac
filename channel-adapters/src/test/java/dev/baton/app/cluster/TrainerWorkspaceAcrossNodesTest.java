package dev.baton.app.cluster;

import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import dev.baton.app.trainer.IntentFiles;
import dev.baton.app.trainer.TrainerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trainer's whole journey on two nodes sharing one Redis: edit the shared draft on node A, chat with it and evaluate
 * it there, see it refused while broken, publish it, and a visitor on node B is answered from the new version within
 * seconds; then roll it back from node B, and node A answers as before.
 */
class TrainerWorkspaceAcrossNodesTest {

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(60);
    /** Evaluating trains ten cross-validation models and the draft's own on a shared machine. */
    private static final Duration EVALUATION = Duration.ofSeconds(180);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TEAPOT_QUESTION = "how do I clean my teapot?";
    private static final String TEAPOT_ANSWER = "Rinse our teapots by hand";

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @TempDir
    Path machines;

    @Test
    void aDraftEditedSandboxedAndEvaluatedOnOneNodeIsPublishedToEveryNodeAndRolledBackFromAnother() {
        BatonNodes.Node nodeA = cluster.startWithIntents(IntentFiles.copyOfTheShippedIntents(machines.resolve("a")));
        BatonNodes.Node nodeB = cluster.startWithIntents(IntentFiles.copyOfTheShippedIntents(machines.resolve("b")));
        JsonNode first = call(nodeB, "GET", "/api/trainer/versions", null, 200);
        assertThat(first).as("one first version for the installation, however many nodes start").hasSize(1);
        String shipped = first.get(0).get("intentsVersion").stringValue();

        JsonNode broken = call(nodeA, "PUT", "/api/trainer/draft/intents/teapot_care", Map.of(
                "title", Map.of("en", "Teapot care"),
                "examples", Map.of("en", List.of("is the teapot dishwasher safe", "how do I clean my teapot",
                        "teapot washing instructions", "teapot cleaning tips", "washing the teapot"),
                        "it", List.of("come lavo la teiera")),
                "answers", Map.of("en", List.of(TEAPOT_ANSWER + " with warm water; never in the dishwasher."))), 200);
        assertThat(broken.get("problems").get(0).get("message").stringValue()).contains("\"it\" has examples but no answers");
        JsonNode refused = call(nodeA, "POST", "/api/trainer/draft/publish", Map.of("note", "too early"), 422);
        assertThat(refused.get("problems").get(0).get("field").stringValue()).isEqualTo("examples");
        assertThat(call(nodeA, "POST", "/api/trainer/draft/sandbox", Map.of("text", TEAPOT_QUESTION), 422)
                .get("error").stringValue()).isEqualTo("draft_has_problems");

        JsonNode seenOnB = call(nodeB, "PUT", "/api/trainer/draft/intents/teapot_care/languages/it", Map.of(
                "examples", List.of("come lavo la teiera", "la teiera va in lavastoviglie?"),
                "answers", List.of("Lavate le teiere a mano con acqua tiepida, mai in lavastoviglie.")), 200);
        assertThat(seenOnB.get("revision").asInt()).as("the one draft, changed on either node").isEqualTo(2);
        assertThat(seenOnB.get("publishable").asBoolean()).isTrue();

        JsonNode sandbox = call(nodeA, "POST", "/api/trainer/draft/sandbox", Map.of("text", TEAPOT_QUESTION, "language", "en"), 200);
        assertThat(sandbox.get("decision").get("kind").stringValue()).isEqualTo("answer");
        assertThat(sandbox.get("decision").get("intent").stringValue()).isEqualTo("teapot_care");
        assertThat(sandbox.get("answer").stringValue()).startsWith(TEAPOT_ANSWER);
        assertThat(askTheBot(nodeA, TEAPOT_QUESTION, "before")).as("the bot still answers from the published version")
                .doesNotStartWith(TEAPOT_ANSWER);

        JsonNode evaluation = new TrainerHttp(nodeA.port(), EVALUATION).call("GET", "/api/trainer/draft/evaluation", null, 200);
        assertThat(evaluation.get("publishedVersion").stringValue()).isEqualTo(shipped);
        JsonNode english = evaluation.get("languages").get("en");
        assertThat(english.get("draft").get("examples").asInt()).isEqualTo(english.get("published").get("examples").asInt() + 5);
        assertThat(english.get("draft").get("top1").asDouble()).isBetween(0.5, 1.0);
        assertThat(english.get("published").get("answeredPrecision").asDouble()).isBetween(0.5, 1.0);
        assertThat(evaluation.get("changed")).anySatisfy(change ->
                assertThat(change.get("intent").stringValue()).isEqualTo("teapot_care"));

        JsonNode published = call(nodeA, "POST", "/api/trainer/draft/publish", Map.of("note", "teapot care"), 200);
        String withTeapots = published.get("intentsVersion").stringValue();
        int teapotVersion = published.get("version").asInt();
        await().atMost(WITHIN_SECONDS).until(() -> answeringVersion(nodeB).equals(withTeapots));
        assertThat(askTheBot(nodeB, TEAPOT_QUESTION, "after")).startsWith(TEAPOT_ANSWER);
        assertThat(call(nodeB, "GET", "/api/trainer/versions", null, 200).get(0).get("publishedBy").stringValue()).isEqualTo("alice");
        JsonNode diff = call(nodeB, "GET", "/api/trainer/versions/" + (teapotVersion - 1) + "/diff/" + teapotVersion, null, 200);
        assertThat(diff.get("changes").get("added")).extracting(JsonNode::stringValue).containsExactly("teapot_care");

        JsonNode rolledBack = call(nodeB, "POST", "/api/trainer/versions/" + (teapotVersion - 1) + "/rollback", null, 200);
        assertThat(rolledBack.get("intentsVersion").stringValue()).isEqualTo(shipped);
        await().atMost(WITHIN_SECONDS).until(() -> answeringVersion(nodeA).equals(shipped));
        assertThat(askTheBot(nodeA, TEAPOT_QUESTION, "rolled-back")).doesNotStartWith(TEAPOT_ANSWER);
        assertThat(call(nodeA, "GET", "/api/trainer/audit", null, 200)).extracting(e -> e.get("action").stringValue())
                .startsWith("rolled_back", "published", "language_saved", "intent_saved");
    }

    private static String answeringVersion(BatonNodes.Node node) {
        byte[] body = WebTestClient.bindToServer().baseUrl("http://localhost:" + node.port()).build().get().uri("/actuator/health").headers(h -> h.setBasicAuth("alice", "alice-secret-1"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).get("components").get("knowledge").get("details").get("intentDatabaseVersion").stringValue();
    }

    private static JsonNode call(BatonNodes.Node node, String method, String path, Object body, int expectedStatus) {
        return new TrainerHttp(node.port()).call(method, path, body, expectedStatus);
    }

    private String askTheBot(BatonNodes.Node node, String question, String visitor) {
        ChatSocket socket = sockets.visitor(node.port());
        socket.send(Map.of("type", "hello", "visitorId", "v-teapot-" + visitor, "language", "en"));
        socket.await("welcome");
        socket.send(Map.of("type", "message", "text", question, "clientMessageId", "q-1"));
        return socket.awaitMessage("bot").get("text").stringValue();
    }
}
