package dev.baton.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/**
 * The demo agents, whose passwords the README publishes, exist only in the {@code demo} profile: a node started
 * without it has no agent at all. (Every other test runs with the profile; see the test configuration.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.profiles.active=")
class DemoAgentsOnlyWhenAskedForTest {

    @LocalServerPort
    int port;

    @Test
    void withoutTheDemoProfileThePublishedDemoPasswordsOpenNothing() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();

        http.get().uri("/api/trainer/knowledge").headers(h -> h.setBasicAuth("alice", "alice-secret-1"))
                .exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/health").headers(h -> h.setBasicAuth("bruno", "bruno-secret-1"))
                .exchange().expectStatus().isUnauthorized();
    }
}
