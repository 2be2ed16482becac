package dev.baton.app.security;

import dev.baton.app.audit.Actors;
import dev.baton.audit.AuditTrail;
import dev.baton.audit.StaffAction;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import reactor.core.publisher.Mono;

/** Records a sign-out in the audit log, as sign-ins are: who, from where, and how they had signed in. */
final class SignOutAudited implements ServerLogoutHandler {


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
        return BestEffortAudit.of(audit.record(Actors.of(authentication.getName(), exchange.getExchange().getRequest().getRemoteAddress()),
                StaffAction.LOGGED_OUT, "session", how), "a sign-out");
    }
}
