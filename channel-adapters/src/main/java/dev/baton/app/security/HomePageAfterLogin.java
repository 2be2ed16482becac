package dev.baton.app.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Where signing in leads: back to the page that asked for it (a trainer who opened the trainer page goes there),
 * else to the user's own page: the console for agents, the trainer workspace for trainers who are no agents.
 */
final class HomePageAfterLogin implements ServerAuthenticationSuccessHandler {

    static final URI CONSOLE = URI.create("/console.html");
    static final URI TRAINER_WORKSPACE = URI.create("/trainer.html");

    private final ServerRequestCache requestCache = new WebSessionServerRequestCache();
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        return requestCache.getRedirectUri(exchange.getExchange())
                .defaultIfEmpty(homeOf(authentication))
                .flatMap(page -> redirect.sendRedirect(exchange.getExchange(), page));
    }

    private static URI homeOf(Authentication authentication) {
        boolean agent = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch("ROLE_AGENT"::equals);
        boolean trainer = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch("ROLE_TRAINER"::equals);
        return trainer && !agent ? TRAINER_WORKSPACE : CONSOLE;
    }
}
