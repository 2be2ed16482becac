package dev.baton.app.security;

import dev.baton.app.journey.Agents;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a program that is not a browser — a test harness, another company's console — signs in to the agent and
 * supervisor sockets, exactly as docs/protocol.md tells it: HTTP Basic on the handshake, or the login form with the
 * CSRF token of a page's cookie; and a handshake from another site's page is refused, session or not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgramSignInTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void aProgramOpensTheAgentAndSupervisorSocketsWithHttpBasicOnTheHandshake() {
        ChatSocket console = sockets.withHeaders(port, "/ws/agent", Map.of(HttpHeaders.AUTHORIZATION, basic("bruno", "bruno-secret-1")));
        assertThat(console.await("welcome").at("/agent/username").stringValue()).isEqualTo("bruno");
        console.send(Map.of("type", "ping")).await("pong");

        ChatSocket supervision = sockets.withHeaders(port, "/ws/supervisor", Map.of(HttpHeaders.AUTHORIZATION, basic("alice", "alice-secret-1")));
        assertThat(supervision.await("welcome").at("/supervisor/username").stringValue()).isEqualTo("alice");

        assertThat(Agents.handshakeStatus(port, "/ws/agent", Map.of(HttpHeaders.AUTHORIZATION, basic("bruno", "wrong-password"))))
                .isEqualTo(401);
        assertThat(Agents.handshakeStatus(port, "/ws/supervisor", Map.of(HttpHeaders.AUTHORIZATION, basic("bruno", "bruno-secret-1"))))
                .as("an agent who is no supervisor").isEqualTo(403);
    }

    @Test
    void theLoginFormWantsThePagesCsrfTokenBackAndItsSessionOpensTheSocket() {
        ResponseCookie token = http().get().uri("/login.html").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(token).isNotNull();

        http().post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "bruno").with("password", "bruno-secret-1"))
                .exchange().expectStatus().isForbidden();
        ResponseCookie session = http().post().uri("/login").cookie("XSRF-TOKEN", token.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "bruno").with("password", "bruno-secret-1").with("_csrf", token.getValue()))
                .exchange().expectStatus().isFound().expectHeader().location("/console.html")
                .returnResult(String.class).getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();

        ChatSocket console = sockets.withSession(port, "/ws/agent", "SESSION=" + session.getValue());
        assertThat(console.await("welcome").at("/agent/username").stringValue()).isEqualTo("bruno");
    }

    @Test
    void aHandshakeFromAnotherSitesPageIsRefusedEvenWithASession() {
        String session = Agents.login(port, "bruno", "bruno-secret-1");

        assertThat(Agents.handshakeStatus(port, "/ws/agent", Map.of(HttpHeaders.COOKIE, session, HttpHeaders.ORIGIN, "https://attacker.example")))
                .isEqualTo(403);
        assertThat(Agents.handshakeStatus(port, "/ws/agent", Map.of(HttpHeaders.AUTHORIZATION, basic("bruno", "bruno-secret-1"),
                HttpHeaders.ORIGIN, "https://attacker.example"))).isEqualTo(403);
        assertThat(Agents.handshakeStatus(port, "/ws/agent", Map.of(HttpHeaders.COOKIE, session, HttpHeaders.ORIGIN, "http://localhost:" + port)))
                .isEqualTo(101);
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Patient: each sign-in hashes a password, which takes seconds on a loaded test machine. */
    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }
}
