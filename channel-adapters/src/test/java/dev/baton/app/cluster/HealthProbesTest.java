package dev.baton.app.cluster;

import dev.baton.store.redis.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A node that cannot reach Redis is not ready (a load balancer routes around it) but still live: restarting it would
 * not bring Redis back, so an orchestrator must not restart every node during an outage.
 */
class HealthProbesTest {

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @TempDir
    Path redisData;

    @Test
    void whileRedisIsDownANodeIsNotReadyButStillLiveAndReadyAgainOnceRedisIsBack() {
        try (RedisServer redis = RedisServer.restartable(redisData)) {
            redis.start();
            BatonNodes.Node node = cluster.startOn(redis.url(),
                    "baton.agents.users[0].username=ada", "baton.agents.users[0].name=Ada",
                    "baton.agents.users[0].password-hash={noop}ada-secret-1", "baton.agents.users[0].roles=AGENT");
            WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + node.port())
                    .responseTimeout(Duration.ofSeconds(10)).build();
            expect(http, "/actuator/health/readiness", 200, "UP");
            expect(http, "/actuator/health/liveness", 200, "UP");

            redis.stop();

            expect(http, "/actuator/health/readiness", 503, "DOWN");
            expect(http, "/actuator/health/liveness", 200, "UP");
            http.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.status").isEqualTo("DOWN").jsonPath("$.components").doesNotExist();
            http.get().uri("/actuator/health").headers(h -> h.setBasicAuth("ada", "ada-secret-1")).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.components.redis.status").isEqualTo("DOWN")
                    .jsonPath("$.components.knowledge.status").isEqualTo("UP");

            redis.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/actuator/health/readiness").exchange()
                    .returnResult(String.class).getStatus().value() == 200);
        }
    }

    private static void expect(WebTestClient http, String probe, int status, String state) {
        http.get().uri(probe).exchange().expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.status").isEqualTo(state).jsonPath("$.components").doesNotExist();
    }
}
