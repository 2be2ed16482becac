package dev.baton.app.security;

import dev.baton.app.journey.Agents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP: repeated failed sign-ins lock an account (one that exists or not, answered alike) and an address out, the
 * form saying so on the login page and HTTP Basic with {@code 429} and {@code Retry-After}; a state-changing request of
 * a signed-in browser needs the CSRF token. Each test signs in from addresses of its own, named in
 * {@code X-Forwarded-For} by the trusted proxy (the test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=framework",
        "baton.limits.login.failures-per-account=3",
        "baton.limits.login.failures-per-address=6",
        "baton.limits.login.lock-out=15m"})
class SignInProtectionTest {

    @LocalServerPort
    int port;

    @Test
    void anAccountThatExistsAndOneThatDoesNotAreLockedOutAlikeOnTheForm() {
        for (int i = 0; i < 3; i++) {
            assertThat(form("bruno", "guess-" + i, "198.51.100." + (10 + i)).getResponseHeaders().getLocation())
                    .hasToString("/login.html?error");
            assertThat(form("nobody-here", "guess-" + i, "198.51.100." + (20 + i)).getResponseHeaders().getLocation())
                    .hasToString("/login.html?error");
        }

        var known = form("bruno", "bruno-secret-1", "198.51.100.30");
        var unknown = form("nobody-here", "bruno-secret-1", "198.51.100.31");

        assertThat(known.getStatus()).isEqualTo(unknown.getStatus()).isEqualTo(HttpStatus.FOUND);
        assertThat(lockedForSeconds(known)).isBetween(840L, 900L);
        assertThat(lockedForSeconds(unknown)).isBetween(840L, 900L);
        assertThat(known.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).noneMatch(c -> c.startsWith("SESSION="));
    }

    @Test
    void anAddressThatFailedTooOftenIsToldToWaitOverHttpBasic() {
        for (int i = 0; i < 6; i++) {
            basic("someone-" + i, "guess", "192.0.2.60").expectStatus().isUnauthorized();
        }

        basic("alice", "alice-secret-1", "192.0.2.60").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(840L, 900L));
        basic("alice", "alice-secret-1", "192.0.2.61").expectStatus().isOk();
    }

    @Test
    void aSignedInBrowsersStateChangingRequestWithoutTheCsrfTokenIsRefused() {
        String session = Agents.login(port, "alice", "alice-secret-1");

        http().delete().uri("/api/trainer/draft").header(HttpHeaders.COOKIE, session).exchange()
                .expectStatus().isForbidden();
        http().post().uri("/api/trainer/reload").header(HttpHeaders.COOKIE, session)
                .header(HttpHeaders.ORIGIN, "https://attacker.example").exchange()
                .expectStatus().isForbidden();
        http().delete().uri("/api/trainer/draft").header(HttpHeaders.COOKIE, session + "; " + Agents.CSRF_COOKIE)
                .header("X-XSRF-TOKEN", "another-token").exchange()
                .expectStatus().isForbidden();
        http().delete().uri("/api/trainer/draft").header(HttpHeaders.COOKIE, session + "; " + Agents.CSRF_COOKIE)
                .header("X-XSRF-TOKEN", Agents.CSRF_TOKEN).exchange()
                .expectStatus().isOk();
    }

    @Test
    void signingInAndOutWithoutTheCsrfTokenIsRefused() {
        http().post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "alice").with("password", "alice-secret-1"))
                .exchange().expectStatus().isForbidden();
        String session = Agents.login(port, "alice", "alice-secret-1");
        http().post().uri("/logout").header(HttpHeaders.COOKIE, session).exchange().expectStatus().isForbidden();
        assertThat(Agents.handshakeStatus(port, "/ws/agent", session)).as("still signed in").isEqualTo(101);
    }

    @Test
    void scriptsWithHttpBasicNeedNoTokenButAnotherSitesPageDoes() {
        http().delete().uri("/api/trainer/draft").headers(h -> h.setBasicAuth("alice", "alice-secret-1")).exchange()
                .expectStatus().isOk();
        http().delete().uri("/api/trainer/draft").headers(h -> h.setBasicAuth("alice", "alice-secret-1"))
                .header(HttpHeaders.ORIGIN, "http://localhost:" + port).exchange()
                .expectStatus().isOk();
        http().delete().uri("/api/trainer/draft").headers(h -> h.setBasicAuth("alice", "alice-secret-1"))
                .header(HttpHeaders.ORIGIN, "https://attacker.example").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void ourPagesGiveTheBrowserATokenItsScriptsCanRead() {
        var cookie = http().get().uri("/login.html").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst("XSRF-TOKEN");

        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isNotBlank();
        assertThat(cookie.isHttpOnly()).isFalse();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(http().get().uri("/widget.js").exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseCookies()).as("other sites load the widget: no cookie of ours").doesNotContainKey("XSRF-TOKEN");
    }

    private static long lockedForSeconds(EntityExchangeResult<byte[]> signIn) {
        String location = signIn.getResponseHeaders().getLocation().toString();
        assertThat(location).startsWith("/login.html?locked=");
        return Long.parseLong(location.substring("/login.html?locked=".length()));
    }

    private EntityExchangeResult<byte[]> form(String username, String password, String from) {
        return http().post().uri("/login").header("X-Forwarded-For", from)
                .cookie("XSRF-TOKEN", Agents.CSRF_TOKEN).header("X-XSRF-TOKEN", Agents.CSRF_TOKEN)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", username).with("password", password))
                .exchange().expectBody().returnResult();
    }

    private WebTestClient.ResponseSpec basic(String username, String password, String from) {
        return http().get().uri("/api/trainer/knowledge").header("X-Forwarded-For", from)
                .headers(h -> h.setBasicAuth(username, password)).exchange();
    }

    /** Patient: each sign-in hashes a password, which takes seconds on a loaded test machine. */
    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }
}
