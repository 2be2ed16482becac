package dev.baton.app.security;

import dev.baton.handoff.AgentRoster;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How users from the company's directory become Baton users ({@code baton.sso.*}), once an OpenID Connect client is
 * registered ({@code spring.security.oauth2.client.registration.*}; see the README's Single sign-on section).
 *
 * @param rolesClaim    the claim (of the ID token or the user info) whose values name the user's groups or roles
 * @param roles         each value of that claim that gives Baton roles → those roles (AGENT, SUPERVISOR, TRAINER,
 *                      ADMIN); a user none of whose values is here may not sign in
 * @param usernameClaim the claim that is the user's Baton username, the one the audit log and the roster know
 * @param nameClaim     the claim that is the name visitors see; without it, the username
 * @param capacity      how many conversations an agent from the directory may have at once
 * @param teamsClaim    the claim whose values put an agent in teams; unset, {@code rolesClaim}
 * @param teams         each value of that claim that puts an agent in teams → those teams, by name (each one of
 *                      {@code baton.teams}: see {@link #checkTeams}); an agent none of whose values is here is in no team
 */
@ConfigurationProperties("baton.sso")
record SingleSignOnSettings(@DefaultValue("groups") String rolesClaim,
                            @DefaultValue Map<String, List<String>> roles,
                            @DefaultValue("preferred_username") String usernameClaim,
                            @DefaultValue("name") String nameClaim,
                            @DefaultValue("" + AgentRoster.DEFAULT_CAPACITY) int capacity,
                            String teamsClaim,
                            @DefaultValue Map<String, List<String>> teams) {

    /** The roles a directory may give: not METRICS, which is for scrapers with a password. */
    static final Set<String> ROLES = Set.of("AGENT", "SUPERVISOR", "TRAINER", "ADMIN");

    SingleSignOnSettings {
        roles.forEach((value, given) -> given.forEach(role -> {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("baton.sso.roles.\"" + value + "\" names the role \"" + role
                        + "\"; a directory's users may get " + ROLES.stream().sorted().toList());
            }
        }));
        if (capacity < 1) {
            throw new IllegalArgumentException("baton.sso.capacity must be at least 1: " + capacity);
        }
        roles = Map.copyOf(roles);
        teamsClaim = teamsClaim == null || teamsClaim.isBlank() ? rolesClaim : teamsClaim;
        teams = Map.copyOf(teams);
    }

    /**
     * Throws {@link IllegalArgumentException} saying which, when the mapping names a team that is not configured:
     * checked against {@code baton.teams} at start-up, so that a typo does not quietly leave agents in no team.
     */
    void checkTeams(Set<String> configuredTeams) {
        teams.forEach((value, given) -> given.forEach(team -> {
            if (!configuredTeams.contains(team)) {
                throw new IllegalArgumentException("baton.sso.teams.\"" + value + "\" names the team \"" + team
                        + "\", which is not one of baton.teams " + (configuredTeams.isEmpty() ? "(there are none)"
                        : configuredTeams.stream().sorted().toList()));
            }
        }));
    }
}
