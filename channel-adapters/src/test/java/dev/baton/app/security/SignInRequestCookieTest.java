package dev.baton.app.security;

import dev.baton.store.memory.InMemorySharedSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SignInRequestCookieTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final InMemorySharedSecrets secrets = new InMemorySharedSecrets();
    private final SignInRequestCookie cookie = new SignInRequestCookie(secrets, Clock.fixed(NOW, ZoneOffset.UTC));
    private final OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
            .authorizationUri("https://login.example.com/authorize").clientId("baton")
            .redirectUri("https://baton.example.com/login/oauth2/code/corp").scopes(Set.of("openid", "profile"))
            .state("state-1").additionalParameters(Map.of("nonce", "hashed-nonce"))
            .attributes(attributes -> attributes.putAll(Map.of("registration_id", "corp", "nonce", "nonce-1")))
            .build();

    @Test
    void theProvidersAnswerFindsTheSignInItBeganOnAnyNodeOnceAndTheCookieIsCleared() {
        ResponseCookie saved = save();
        assertThat(saved.isHttpOnly()).isTrue();
        assertThat(saved.isSecure()).as("over HTTPS").isTrue();
        assertThat(saved.getSameSite()).isEqualTo("Lax");
        assertThat(saved.getPath()).isEqualTo("/login/oauth2/code/");

        var onAnotherNode = new SignInRequestCookie(secrets, Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC));
        MockServerWebExchange back = answer(saved.getValue(), "state-1");
        OAuth2AuthorizationRequest found = onAnotherNode.removeAuthorizationRequest(back).block(TIMEOUT);

        assertThat(found).usingRecursiveComparison().isEqualTo(request);
        assertThat(back.getResponse().getCookies().getFirst(SignInRequestCookie.NAME).getMaxAge()).isZero();
    }

    @Test
    void aCookieChangedByAnyoneButBatonIsNoSignIn() {
        String value = save().getValue();
        String changed = value.substring(0, 5) + (value.charAt(5) == 'A' ? 'B' : 'A') + value.substring(6);

        assertThat(cookie.loadAuthorizationRequest(answer(changed, "state-1")).blockOptional(TIMEOUT)).isEmpty();
        assertThat(cookie.loadAuthorizationRequest(answer("not-even-signed", "state-1")).blockOptional(TIMEOUT)).isEmpty();
    }

    @Test
    void anAnswerForAnotherSignInOrTooLateFindsNothing() {
        String value = save().getValue();
        var muchLater = new SignInRequestCookie(secrets, Clock.fixed(NOW.plus(SignInRequestCookie.VALID_FOR), ZoneOffset.UTC));

        assertThat(cookie.loadAuthorizationRequest(answer(value, "state-2")).blockOptional(TIMEOUT)).isEmpty();
        assertThat(muchLater.loadAuthorizationRequest(answer(value, "state-1")).blockOptional(TIMEOUT)).isEmpty();
    }

    private ResponseCookie save() {
        MockServerWebExchange leaving = MockServerWebExchange.from(MockServerHttpRequest.get("https://baton.example.com/oauth2/authorization/corp"));
        cookie.saveAuthorizationRequest(request, leaving).block(TIMEOUT);
        ResponseCookie saved = leaving.getResponse().getCookies().getFirst(SignInRequestCookie.NAME);
        assertThat(saved).isNotNull();
        return saved;
    }

    private static MockServerWebExchange answer(String cookieValue, String state) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("https://baton.example.com/login/oauth2/code/corp")
                .queryParam("code", "code-1").queryParam("state", state)
                .cookie(new org.springframework.http.HttpCookie(SignInRequestCookie.NAME, cookieValue)));
    }
}
