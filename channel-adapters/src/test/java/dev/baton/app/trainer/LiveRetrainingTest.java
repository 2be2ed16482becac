package dev.baton.app.trainer;

import dev.baton.app.journey.ChatSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Trainers edit intent files and reload them into the running bot; a broken edit changes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveRetrainingTest {

    @TempDir
    static Path intents;

    @LocalServerPort
    int port;

    private WebTestClient http;

    @DynamicPropertySource
    static void trainOnACopyOfTheShippedIntents(DynamicPropertyRegistry registry) {
        IntentFiles.copyOfTheShippedIntents(intents);
        registry.add("baton.intents", intents::toString);
    }

    @BeforeEach
    void client() {
        // A reload trains and calibrates a model: seconds on a busy machine, more than the client's default 5.
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void onlyTrainersMayUseTheTrainerApi() {
        http.get().uri("/api/trainer/knowledge").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/trainer/knowledge").headers(h -> h.setBasicAuth("bruno", "bruno-secret-1"))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/trainer/knowledge").headers(h -> h.setBasicAuth("alice", "wrong"))
                .exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/trainer/knowledge").headers(h -> h.setBasicAuth("alice", "alice-secret-1"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.intents").isEqualTo(IntentFiles.SHIPPED).jsonPath("$.languages.length()").isEqualTo(4);
    }

    @Test
    void aNewIntentIsAnsweredAfterAReloadAndABrokenFileIsRefusedWithoutHarm() throws IOException {
        Files.writeString(intents.resolve("loyalty.yaml"), IntentFiles.LOYALTY);
        String reloaded = reload(200);
        assertThat(reloaded).contains("\"intents\":" + (IntentFiles.SHIPPED + 1));
        assertThat(askTheBot("How many loyalty points do I have?")).startsWith("Every euro you spend earns one loyalty point");

        Files.writeString(intents.resolve("broken.yaml"), """
                intents:
                  - id: broken
                    examples:
                      en: [ "unclosed
                """);
        String refused = reload(422);
        assertThat(refused).contains("invalid_intents", "broken.yaml", "\"line\":");
        http.get().uri("/api/trainer/knowledge").headers(h -> h.setBasicAuth("alice", "alice-secret-1"))
                .exchange().expectBody().jsonPath("$.intents").isEqualTo(IntentFiles.SHIPPED + 1);
        assertThat(askTheBot("can I pay with my loyalty points")).startsWith("Every euro you spend earns one loyalty point");
        Files.delete(intents.resolve("broken.yaml"));
        Files.delete(intents.resolve("loyalty.yaml"));
        assertThat(reload(200)).contains("\"intents\":" + IntentFiles.SHIPPED);
    }

    private String askTheBot(String question) {
        try (ChatSocket visitor = ChatSocket.connect(port, "/ws/visitor")) {
            visitor.send(Map.of("type", "hello", "visitorId", "v-trainer-check"));
            visitor.await("welcome");
            visitor.send(Map.of("type", "message", "text", question));
            return visitor.awaitMessage("bot").get("text").stringValue();
        }
    }

    private String reload(int expectedStatus) {
        return new String(http.post().uri("/api/trainer/reload").headers(h -> h.setBasicAuth("alice", "alice-secret-1"))
                .exchange().expectStatus().isEqualTo(expectedStatus)
                .expectBody().returnResult().getResponseBody());
    }
}
