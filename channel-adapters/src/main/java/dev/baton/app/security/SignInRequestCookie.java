package dev.baton.app.security;

import dev.baton.store.SharedSecrets;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a single sign-on in progress (the state, nonce and PKCE verifier Spring Security made for the provider) in a
 * cookie of its own, signed with a secret every node shares, rather than in the session. The session cookie is
 * SameSite=Strict, so the browser leaves it out when the provider sends it back — a navigation another site began —
 * and a session-kept request would be lost; this cookie is SameSite=Lax, which a top-level GET from another site
 * carries, HttpOnly, limited to the provider's return path, and good for {@link #VALID_FOR} once. Any node can read it,
 * whichever node the browser left from.
 */
final class SignInRequestCookie implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String NAME = "BATON_SSO";
    static final String PATH = "/login/oauth2/code/";
    static final Duration VALID_FOR = Duration.ofMinutes(10);
    static final String SECRET = "sso-sign-in";

    private static final String ALGORITHM = "HmacSHA256";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What is kept of the request, all of it needed to check the provider's answer and redeem its code. */
    record Pending(long expiresAt, String authorizationUri, String clientId, String redirectUri, Set<String> scopes,
                   String state, Map<String, String> parameters, Map<String, String> attributes, String requestUri) {

        static Pending of(OAuth2AuthorizationRequest request, long expiresAt) {
            return new Pending(expiresAt, request.getAuthorizationUri(), request.getClientId(), request.getRedirectUri(),
                    request.getScopes(), request.getState(), strings(request.getAdditionalParameters()),
                    strings(request.getAttributes()), request.getAuthorizationRequestUri());
        }

        OAuth2AuthorizationRequest toRequest() {
            return OAuth2AuthorizationRequest.authorizationCode().authorizationUri(authorizationUri).clientId(clientId)
                    .redirectUri(redirectUri).scopes(scopes).state(state).additionalParameters(Map.copyOf(parameters))
                    .attributes(attrs -> attrs.putAll(attributes)).authorizationRequestUri(requestUri).build();
        }

        private static Map<String, String> strings(Map<String, Object> values) {
            Map<String, String> strings = new LinkedHashMap<>();
            values.forEach((key, value) -> strings.put(key, String.valueOf(value)));
            return strings;
        }
    }

    private final SharedSecrets secrets;
    private final Clock clock;

    SignInRequestCookie(SharedSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Mono<Void> saveAuthorizationRequest(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
        if (request == null) {
            return forget(exchange);
        }
        byte[] json = JSON.writeValueAsBytes(Pending.of(request, clock.instant().plus(VALID_FOR).getEpochSecond()));
        return secrets.get(SECRET).doOnNext(secret -> exchange.getResponse().addCookie(cookie(exchange,
                        encode(json) + "." + encode(mac(secret, json)), VALID_FOR)))
                .then();
    }

    /** The request this browser's sign-in began with; empty for none, a forged or expired one, or another sign-in's. */
    @Override
    public Mono<OAuth2AuthorizationRequest> loadAuthorizationRequest(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(NAME);
        String state = exchange.getRequest().getQueryParams().getFirst(OAuth2ParameterNames.STATE);
        if (cookie == null || state == null) {
            return Mono.empty();
        }
        return secrets.get(SECRET).flatMap(secret -> Mono.justOrEmpty(read(cookie.getValue(), secret)))
                .filter(pending -> pending.expiresAt() > clock.instant().getEpochSecond() && state.equals(pending.state()))
                .map(Pending::toRequest);
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> removeAuthorizationRequest(ServerWebExchange exchange) {
        return loadAuthorizationRequest(exchange).flatMap(request -> forget(exchange).thenReturn(request));
    }

    private static Mono<Void> forget(ServerWebExchange exchange) {
        return Mono.fromRunnable(() -> exchange.getResponse().addCookie(cookie(exchange, "", Duration.ZERO)));
    }

    private static ResponseCookie cookie(ServerWebExchange exchange, String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value).path(PATH).maxAge(maxAge).httpOnly(true).sameSite("Lax")
                .secure(exchange.getRequest().getSslInfo() != null || "https".equals(exchange.getRequest().getURI().getScheme()))
                .build();
    }

    private static Optional<Pending> read(String value, byte[] secret) {
        int dot = value.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(value.substring(0, dot));
            byte[] given = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            return MessageDigest.isEqual(given, mac(secret, json))
                    ? Optional.of(JSON.readValue(json, Pending.class)) : Optional.empty();
        } catch (IllegalArgumentException | JacksonException notOurs) {
            return Optional.empty();
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A Mac per call: they are not thread-safe, and signing in is rare. */
    private static byte[] mac(byte[] secret, byte[] json) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(json);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has " + ALGORITHM, e);
        }
    }
}
