package dev.baton.app.cluster;

import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis goes away under a running node: clients are told to retry, health says DOWN, and the node heals itself. */
class RedisOutageTest {

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @TempDir
    Path redisData;

    @Test
    void aNodeTellsClientsToRetryWhileRedisIsDownAndRecoversWhenItIsBack() {
        try (PrivateRedis redis = new PrivateRedis(redisData)) {
            redis.start();
            BatonNodes.Node node = cluster.startOn(redis.url(), "baton.redis.command-timeout=500ms");
            WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + node.port())
                    .responseTimeout(Duration.ofSeconds(10)).build();
            ChatSocket visitor = sockets.visitor(node.port());
            visitor.send(Map.of("type", "hello", "visitorId", "v-outage-0001"));
            visitor.await("welcome");
            visitor.send(Map.of("type", "message", "text", "How much does shipping cost?", "clientMessageId", "m-1"));
            visitor.awaitMessage("bot");

            redis.stop();
            visitor.send(Map.of("type", "message", "text", "How long does delivery take?", "clientMessageId", "m-2"));
            JsonNode error = visitor.await("error");
            assertThat(error.get("code").stringValue()).isEqualTo("unavailable");
            assertThat(error.get("message").stringValue()).contains("try again");
            http.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.components.redis.status").isEqualTo("DOWN");

            redis.start();
            awaitHealthUp(http);
            visitor.send(Map.of("type", "message", "text", "How long does delivery take?", "clientMessageId", "m-2"));
            JsonNode answer = visitor.awaitMessage("bot", m -> m.get("text").stringValue().contains("working days"));
            assertThat(answer.get("id").asLong()).as("nothing half-stored during the outage").isEqualTo(4);
        } finally {
            BatonNodes.deleteKeys(BatonNodes.REDIS, cluster.namespace());
        }
    }

    private static void awaitHealthUp(WebTestClient http) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (http.get().uri("/actuator/health").exchange().returnResult(String.class).getStatus().is2xxSuccessful()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("the node did not report UP within 30 s of Redis coming back");
    }
}
