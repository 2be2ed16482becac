package dev.baton.app.console;

import dev.baton.engine.AgentDesk;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import reactor.core.publisher.Mono;

/**
 * On {@code POST /logout}, tells every node that the agent signed out, so that each closes the agent's open
 * consoles: a socket stays open after its session ended otherwise, still able to accept and answer conversations.
 */
final class SignOutClosesConsoles implements ServerLogoutHandler {

    private final AgentDesk desk;

    SignOutClosesConsoles(AgentDesk desk) {
        this.desk = desk;
    }

    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        return authentication == null ? Mono.empty() : desk.signedOut(authentication.getName());
    }
}
