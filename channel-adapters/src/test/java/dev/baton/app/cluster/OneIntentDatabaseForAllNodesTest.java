package dev.baton.app.cluster;

import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import dev.baton.app.trainer.IntentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Behind a load balancer every node must answer from the same intent database: a reload on one node reaches every
 * node within seconds, a broken one reaches none, and a node started later joins in. Each node reads its own copy
 * of the intent files, as separate machines would, so only the reloading node's files change.
 */
class OneIntentDatabaseForAllNodesTest {

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @TempDir
    Path machines;

    @Test
    void aReloadOnOneNodeIsWhatEveryNodeAnswersFromAndABrokenOneChangesNoNode() throws IOException {
        Path filesOfA = copyOfTheShippedIntents("a");
        BatonNodes.Node nodeA = cluster.startWithIntents(filesOfA);
        BatonNodes.Node nodeB = cluster.startWithIntents(copyOfTheShippedIntents("b"));
        String shipped = answeringVersion(nodeA);
        assertThat(answeringVersion(nodeB)).isEqualTo(shipped);

        Files.writeString(filesOfA.resolve("loyalty.yaml"), IntentFiles.LOYALTY);
        JsonNode reloaded = JSON.readTree(reload(nodeA, 200));
        String withLoyalty = reloaded.get("version").stringValue();
        assertThat(withLoyalty).isNotEqualTo(shipped);
        assertThat(reloaded.get("intents").asInt()).isEqualTo(IntentFiles.SHIPPED + 1);

        await().atMost(WITHIN_SECONDS).until(() -> answeringVersion(nodeB).equals(withLoyalty));
        assertThat(reloaded.get("publishedVersion").stringValue()).isEqualTo(withLoyalty);
        assertThat(health(nodeB).get("publishedVersion").stringValue()).isEqualTo(withLoyalty);
        assertThat(askTheBot(nodeB, "How many loyalty points do I have?")).startsWith("Every euro you spend earns one loyalty point");

        Files.writeString(filesOfA.resolve("broken.yaml"), "intents:\n  - id: broken\n    examples:\n      en: [ \"unclosed\n");
        assertThat(reload(nodeA, 422)).contains("invalid_intents", "broken.yaml");
        assertThat(answeringVersion(nodeA)).isEqualTo(withLoyalty);
        assertThat(health(nodeA).get("publishedVersion").stringValue()).as("nothing published").isEqualTo(withLoyalty);

        BatonNodes.Node nodeC = cluster.startWithIntents(copyOfTheShippedIntents("c"));
        assertThat(answeringVersion(nodeC)).as("a node starting later answers from the published database, not its files")
                .isEqualTo(withLoyalty);
        assertThat(answeringVersion(nodeB)).isEqualTo(withLoyalty);
    }

    private Path copyOfTheShippedIntents(String machine) {
        return IntentFiles.copyOfTheShippedIntents(machines.resolve(machine));
    }

    private static String answeringVersion(BatonNodes.Node node) {
        return health(node).get("intentDatabaseVersion").stringValue();
    }

    private static JsonNode health(BatonNodes.Node node) {
        // Health shows its details only to someone logged in.
        byte[] body = http(node).get().uri("/actuator/health").headers(h -> h.setBasicAuth("alice", "alice-secret-1"))
                .exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).get("components").get("knowledge").get("details");
    }

    private static String reload(BatonNodes.Node node, int expectedStatus) {
        return new String(http(node).post().uri("/api/trainer/reload").headers(h -> h.setBasicAuth("alice", "alice-secret-1"))
                .exchange().expectStatus().isEqualTo(expectedStatus)
                .expectBody().returnResult().getResponseBody());
    }

    private static WebTestClient http(BatonNodes.Node node) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + node.port()).responseTimeout(WITHIN_SECONDS).build();
    }

    private String askTheBot(BatonNodes.Node node, String question) {
        ChatSocket visitor = sockets.visitor(node.port());
        visitor.send(Map.of("type", "hello", "visitorId", "v-loyal-" + node.port(), "language", "en"));
        visitor.await("welcome");
        visitor.send(Map.of("type", "message", "text", question, "clientMessageId", "q-1"));
        return visitor.awaitMessage("bot").get("text").stringValue();
    }
}
