package dev.baton.app.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Refuses a cookie-authenticated WebSocket handshake from another site's page: browsers send cookies with
 * cross-site WebSocket handshakes and CORS does not apply to them, so the Origin header is the guard.
 */
final class SameOriginWebSocketFilter implements WebFilter {

    private final ServerWebExchangeMatcher guarded;

    SameOriginWebSocketFilter(ServerWebExchangeMatcher guarded) {
        this.guarded = guarded;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return guarded.matches(exchange).flatMap(match -> {
            String origin = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN);
            if (!match.isMatch() || origin == null || sameHost(origin, exchange)) {
                return chain.filter(exchange);
            }
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            return exchange.getResponse().setComplete();
        });
    }

    static boolean sameHost(String origin, ServerWebExchange exchange) {
        try {
            URI from = URI.create(origin);
            String host = exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST);
            return host != null && host.equalsIgnoreCase(from.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
