package dev.baton.app.console;

import dev.baton.conversation.AgentRef;
import dev.baton.handoff.AgentRoster;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is at a console: the agent the roster knows by the signed-in user's name — configured, or from the company's
 * directory on any node — with the name visitors see, and whether the user's roles make them a supervisor.
 */
public final class AgentDirectory {

    private final AgentRoster roster;

    public AgentDirectory(AgentRoster roster) {
        this.roster = roster;
    }

    /** The agent; empty for a user who is not on the roster. */
    public Mono<AgentRef> find(String username) {
        return roster.find(username).map(AgentRoster.Member::agent);
    }

    /**
     * Whether the signed-in user may manage what all agents share (the shared canned responses) and watch the team: an
     * agent with the {@code SUPERVISOR} role, as the session holds it (configured, or mapped from the directory).
     */
    public static boolean isSupervisor(Principal user) {
        if (!(user instanceof Authentication authentication)) {
            return false;
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return roles.contains("ROLE_AGENT") && roles.contains("ROLE_SUPERVISOR");
    }
}
