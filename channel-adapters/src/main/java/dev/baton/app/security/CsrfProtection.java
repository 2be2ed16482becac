package dev.baton.app.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * CSRF tokens on every state-changing request a browser makes for a signed-in user, on top of the SameSite=Strict
 * session cookie: the double-submit pattern, with the token in the {@code XSRF-TOKEN} cookie (readable by our pages'
 * scripts, {@code csrf.js}) sent back in the {@code X-XSRF-TOKEN} header, or as the {@code _csrf} field of a form (sign in,
 * sign out). Another site's page can make the browser send our cookies, but can neither read them nor set that header.
 *
 * <p>Which requests need it: {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} to {@code /login} and
 * {@code /logout}, and those carrying the session cookie. Not those with HTTP Basic credentials and no other site's
 * {@code Origin} — scripts such as {@code curl}, which no page drives (a browser that remembered Basic credentials adds
 * the other site's origin to a forged request, which then needs the token) — nor visitors' requests, which carry no
 * session.
 */
final class CsrfProtection {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";

    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<String> SIGN_IN_AND_OUT = Set.of("/login", "/logout");

    private final String sessionCookie;

    CsrfProtection(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    void configure(ServerHttpSecurity.CsrfSpec csrf) {
        CookieServerCsrfTokenRepository tokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));
        csrf.csrfTokenRepository(tokens)
                // The pages send the cookie's token as it is (no per-response masking: they read it from the cookie).
                .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(this::needsToken);
    }

    private Mono<MatchResult> needsToken(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        if (!STATE_CHANGING.contains(request.getMethod())) {
            return MatchResult.notMatch();
        }
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        boolean needs = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                ? fromAnotherSite(exchange)
                : SIGN_IN_AND_OUT.contains(request.getPath().pathWithinApplication().value())
                        || request.getCookies().containsKey(sessionCookie);
        return needs ? MatchResult.match() : MatchResult.notMatch();
    }

    private static boolean fromAnotherSite(ServerWebExchange exchange) {
        String origin = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN);
        return origin != null && !SameOriginWebSocketFilter.sameHost(origin, exchange);
    }

    /**
     * Makes sure our pages come with the token cookie (Spring Security makes one only when asked for it), so that a page
     * has it before its first state-changing request. Only pages: the widget's files and socket, which other sites
     * load, get no cookie of ours.
     */
    static final class TokenCookie implements WebFilter {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            boolean page = exchange.getRequest().getMethod() == HttpMethod.GET
                    && exchange.getRequest().getPath().pathWithinApplication().value().endsWith(".html");
            return token == null || !page ? chain.filter(exchange) : token.then(chain.filter(exchange));
        }
    }
}
