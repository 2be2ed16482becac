package dev.baton.app.security;

import dev.baton.app.audit.Actors;
import dev.baton.audit.AuditTrail;
import dev.baton.audit.StaffAction;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Audits a sign-in with the form (HTTP Basic requests, one per API call, are not each recorded; their failures are),
 * then leads where signing in leads: back to the page that asked for it (a trainer who opened the trainer page goes there),
 * else to the user's own page ({@link #homeOf}).
 */
final class HomePageAfterLogin implements ServerAuthenticationSuccessHandler {

    static final URI CONSOLE = URI.create("/console.html");
    static final URI TRAINER_WORKSPACE = URI.create("/trainer.html");
    static final URI ADMIN_PAGE = URI.create("/admin.html");


    private final ServerRequestCache requestCache = new WebSessionServerRequestCache();
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
    private final AuditTrail audit;

    HomePageAfterLogin(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        return BestEffortAudit.of(audit.record(Actors.of(authentication.getName(), exchange.getExchange().getRequest().getRemoteAddress()),
                        StaffAction.LOGIN_SUCCEEDED, "sign-in", "signed in with the form"), "a sign-in")
                .then(requestCache.getRedirectUri(exchange.getExchange()))
                .defaultIfEmpty(homeOf(authentication))
                .flatMap(page -> redirect.sendRedirect(exchange.getExchange(), page));
    }

    /**
     * The user's own page: the console for agents, the trainer workspace for trainers who are no agents, the visitors'
     * data page for administrators who are neither (a directory's IT administrators, say), else the console.
     */
    static URI homeOf(Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (roles.contains("ROLE_AGENT")) {
            return CONSOLE;
        }
        return roles.contains("ROLE_TRAINER") ? TRAINER_WORKSPACE : roles.contains("ROLE_ADMIN") ? ADMIN_PAGE : CONSOLE;
    }
}
