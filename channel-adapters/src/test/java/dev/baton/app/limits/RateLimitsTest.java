package dev.baton.app.limits;

import dev.baton.app.journey.Agents;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visitors, sign-ins and trainer API clients that do too much are refused with a retry time; nothing they sent beyond
 * their limit is stored, and everyone else is served as usual. Each test comes from addresses of its own, which the
 * trusted proxy (here: the test) names in {@code X-Forwarded-For}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=framework",
        "baton.limits.visitor.messages-per-second=3",
        "baton.limits.visitor.messages-per-minute=3",
        "baton.limits.visitor.conversations-per-hour=2",
        "baton.limits.address.messages-per-second=5",
        "baton.limits.address.messages-per-minute=5",
        "baton.limits.address.conversations-per-hour=3",
        "baton.limits.address.open-sockets=3",
        "baton.limits.login.attempts-per-minute=3",
        "baton.limits.trainer-api.requests-per-minute=3"})
class RateLimitsTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void aVisitorOverTheirLimitIsToldToWaitAndNothingMoreIsStoredWhileAPoliteVisitorIsAnswered() {
        ChatSocket flooder = greeted(sockets.visitorFrom(port, "203.0.113.1"), "v-flooder-01");
        ChatSocket polite = greeted(sockets.visitorFrom(port, "203.0.113.1"), "v-polite-01");
        for (int i = 1; i <= 3; i++) {
            int sent = i;
            flooder.send(Map.of("type", "message", "text", "What are your opening hours?", "clientMessageId", "m-" + i));
            flooder.awaitMessage("visitor", m -> ("m-" + sent).equals(m.get("clientMessageId").stringValue()));
        }

        flooder.send(Map.of("type", "message", "text", "What are your opening hours?", "clientMessageId", "m-4"));
        JsonNode refused = flooder.await("error");

        assertThat(refused.get("code").stringValue()).isEqualTo("rate_limited");
        assertThat(refused.get("clientMessageId").stringValue()).isEqualTo("m-4");
        assertThat(refused.get("retryAfterMs").asLong()).isPositive();
        polite.send(Map.of("type", "message", "text", "How much is shipping?"));
        polite.awaitMessage("bot");
        flooder.send(Map.of("type", "ping"));
        flooder.await("pong");
        ChatSocket again = sockets.visitorFrom(port, "203.0.113.2");
        again.send(Map.of("type", "hello", "visitorId", "v-flooder-01", "conversationId", conversationOf(flooder)));
        assertThat(again.await("welcome").get("messages")).filteredOn(m -> m.get("from").stringValue().equals("visitor"))
                .as("the refused message was not stored")
                .extracting(m -> m.get("clientMessageId").stringValue())
                .containsExactly("m-1", "m-2", "m-3");
    }

    @Test
    void theVisitorsOfOneAddressShareItsLimitAndAnotherAddressIsServed() {
        ChatSocket first = greeted(sockets.visitorFrom(port, "198.51.100.7"), "v-shared-address-1");
        ChatSocket second = greeted(sockets.visitorFrom(port, "198.51.100.7"), "v-shared-address-2");
        ChatSocket elsewhere = greeted(sockets.visitorFrom(port, "198.51.100.8"), "v-other-address-1");
        sendStored(first, 3);
        sendStored(second, 2);

        second.send(Map.of("type", "message", "text", "Do you ship to Italy?"));

        assertThat(second.await("error").get("code").stringValue()).isEqualTo("rate_limited");
        elsewhere.send(Map.of("type", "message", "text", "Do you ship to Italy?"));
        elsewhere.awaitMessage("bot");
    }

    @Test
    void aVisitorWhoStartsTooManyConversationsIsToldToWaitAndKeepsTheirCurrentOne() {
        ChatSocket visitor = greeted(sockets.visitorFrom(port, "192.0.2.10"), "v-many-conversations-1");
        visitor.send(Map.of("type", "new_conversation"));
        String second = visitor.await("welcome", w -> !w.get("conversationId").stringValue().equals(conversationOf(visitor)))
                .get("conversationId").stringValue();

        visitor.send(Map.of("type", "new_conversation"));

        JsonNode refused = visitor.await("error");
        assertThat(refused.get("code").stringValue()).isEqualTo("rate_limited");
        assertThat(refused.get("retryAfterMs").asLong()).isGreaterThan(60_000);
        visitor.send(Map.of("type", "message", "text", "How much is shipping?"));
        assertThat(visitor.await("message", f -> f.get("message").get("from").stringValue().equals("bot"))
                .get("conversationId").stringValue()).isEqualTo(second);
    }

    @Test
    void anAddressWithItsMaximumOfSocketsOpenIsRefusedOneMore() {
        List<ChatSocket> open = IntStream.range(0, 3)
                .mapToObj(i -> greeted(sockets.visitorFrom(port, "192.0.2.20"), "v-socket-" + i)).toList();

        ChatSocket oneTooMany = sockets.visitorFrom(port, "192.0.2.20");

        JsonNode refused = oneTooMany.await("error");
        assertThat(refused.get("code").stringValue()).isEqualTo("rate_limited");
        assertThat(refused.get("retryAfterMs").asLong()).isPositive();
        assertThat(oneTooMany.awaitClose()).isEqualTo(1013);
        open.get(0).close();
        greeted(sockets.visitorFrom(port, "192.0.2.21"), "v-socket-other-address");
    }

    @Test
    void signInAttemptsBeyondTheLimitAreAnswered429WithRetryAfter() {
        WebTestClient http = http();
        for (int i = 0; i < 3; i++) {
            assertThat(login(http, "192.0.2.30").getStatus()).isNotEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        }

        var refused = login(http, "192.0.2.30");

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(login(http, "192.0.2.31").getStatus()).isNotEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void trainerApiRequestsBeyondTheLimitAreAnswered429WithRetryAfter() {
        WebTestClient http = http();
        for (int i = 0; i < 3; i++) {
            knowledge(http, "192.0.2.40").expectStatus().isOk();
        }

        knowledge(http, "192.0.2.40").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
        knowledge(http, "192.0.2.41").expectStatus().isOk();
    }

    /** Patient: each sign-in hashes a password, which takes seconds on a loaded test machine. */
    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    private static WebTestClient.ResponseSpec knowledge(WebTestClient http, String from) {
        return http.get().uri("/api/trainer/knowledge").header("X-Forwarded-For", from)
                .headers(h -> h.setBasicAuth("alice", "alice-secret-1")).exchange();
    }

    private static org.springframework.test.web.reactive.server.EntityExchangeResult<byte[]> login(WebTestClient http, String from) {
        return http.post().uri("/login").header("X-Forwarded-For", from).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie("XSRF-TOKEN", Agents.CSRF_TOKEN).header("X-XSRF-TOKEN", Agents.CSRF_TOKEN)
                .body(BodyInserters.fromFormData("username", "alice").with("password", "wrong-password"))
                .exchange().expectBody().returnResult();
    }

    private static ChatSocket greeted(ChatSocket socket, String visitorId) {
        socket.send(Map.of("type", "hello", "visitorId", visitorId));
        socket.await("welcome");
        return socket;
    }

    private static String conversationOf(ChatSocket socket) {
        return socket.frames().stream().filter(f -> f.get("type").stringValue().equals("welcome")).findFirst().orElseThrow()
                .get("conversationId").stringValue();
    }

    /** Sends {@code messages} messages one after the other, each once it was stored. */
    private static void sendStored(ChatSocket visitor, int messages) {
        for (int i = 0; i < messages; i++) {
            String id = "stored-" + i;
            visitor.send(Map.of("type", "message", "text", "Question number " + i, "clientMessageId", id));
            visitor.awaitMessage("visitor", m -> id.equals(m.get("clientMessageId").stringValue()));
        }
    }
}
