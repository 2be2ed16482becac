package dev.baton.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.session.WebSessionIdResolver;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every response tells the browser, as a deployment behind a TLS-terminating proxy would configure it
 * ({@code server.forward-headers-strategy} and secure session cookies, as in deploy/kubernetes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "server.reactive.session.cookie.secure=true",
})
class BrowserHardeningTest {

    @LocalServerPort
    private int port;

    @Autowired
    private WebSessionIdResolver sessionIds;

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void everyPageAndFileCarriesThePoliciesAndPlainHttpNoHsts() {
        for (String path : new String[]{"/", "/login.html", "/widget.js", "/no-such-page"}) {
            http().get().uri(path).exchange().expectHeader().valueEquals("Content-Security-Policy", BrowserHardening.CONTENT_SECURITY_POLICY)
                    .expectHeader().valueEquals("Permissions-Policy", BrowserHardening.PERMISSIONS_POLICY)
                    .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().doesNotExist("Strict-Transport-Security");
        }
    }

    @Test
    void overHttpsBehindAProxyTheBrowserIsToldToStayOnHttpsForAYear() {
        http().get().uri("/").header("X-Forwarded-Proto", "https").exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
    }

    @Test
    void theSessionCookieIsSecureStrictAndHiddenFromScripts() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("https://chat.example.com/"));
        sessionIds.setSessionId(exchange, "a-session");

        var cookie = exchange.getResponse().getCookies().getFirst("SESSION");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
    }
}
