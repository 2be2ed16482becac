package dev.baton.app.security;

import dev.baton.app.audit.Actors;
import dev.baton.audit.AuditTrail;
import dev.baton.audit.StaffAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import reactor.core.publisher.Mono;

/** Records a sign-out in the audit log, as sign-ins are: who, from where, and how they had signed in. */
final class SignOutAudited implements ServerLogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(SignOutAudited.class);

    private final AuditTrail audit;

    SignOutAudited(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        if (authentication == null) {
            return Mono.empty();
        }
        String how = authentication instanceof OAuth2AuthenticationToken token
                ? "signed out (had signed in through " + token.getAuthorizedClientRegistrationId() + ")" : "signed out";
        return audit.record(Actors.of(authentication.getName(), exchange.getExchange().getRequest().getRemoteAddress()),
                        StaffAction.LOGGED_OUT, "session", how)
                .onErrorResume(e -> {
                    log.warn("could not audit a sign-out: {}", e.toString());
                    return Mono.empty();
                });
    }
}
