package dev.baton.app.security;

import dev.baton.audit.Actor;
import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditTrail;
import dev.baton.audit.StaffAction;
import dev.baton.conversation.AgentRef;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.DirectoryAgents;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Turns a user the directory vouched for (single sign-on) into a Baton user: their username and name from the claims
 * {@code baton.sso} names, their roles mapped from its roles claim and an agent's teams from its teams claim
 * ({@link ClaimMapping}). Refused, and audited as
 * {@link StaffAction#LOGIN_REFUSED}, when no role maps, when the username claim is missing, or when the username is a
 * configured user's (two people must not share a name on the console and in the audit log). An agent is enrolled on
 * the roster of every node ({@link DirectoryAgents}) with their teams, both as of this sign-in, and withdrawn once they sign in without the role (or, after
 * {@code baton.retention.directory-agents} without signing in, by the retention's sweep).
 */
final class DirectoryUsers implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    /** The OAuth2 error codes of a refusal; the login page says which. */
    static final String NO_ROLE = "no_baton_role";
    static final String NO_USERNAME = "no_username";
    static final String CONFIGURED_NAME = "configured_username";


    private final ReactiveOAuth2UserService<OidcUserRequest, OidcUser> directory;
    private final SingleSignOnSettings settings;
    private final ClaimMapping roles;
    private final ClaimMapping teams;
    private final Set<String> configuredUsernames;
    private final DirectoryAgents agents;
    private final AuditTrail audit;
    private final Clock clock;

    /** @param configuredTeams the teams of {@code baton.teams}, by name, which {@code settings} may put agents in */
    DirectoryUsers(SingleSignOnSettings settings, Set<String> configuredUsernames, Set<String> configuredTeams,
                   DirectoryAgents agents, AuditTrail audit, Clock clock) {
        settings.checkTeams(configuredTeams);
        this.directory = new OidcReactiveOAuth2UserService();
        this.settings = settings;
        this.roles = new ClaimMapping(settings.roles());
        this.teams = new ClaimMapping(settings.teams());
        this.configuredUsernames = Set.copyOf(configuredUsernames);
        this.agents = agents;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        String provider = request.getClientRegistration().getRegistrationId();
        return directory.loadUser(request).flatMap(user -> Mono.deferContextual(context ->
                admit(user, provider, ClientAddressInContext.of(context))));
    }

    private Mono<OidcUser> admit(OidcUser user, String provider, String address) {
        Object username = user.getClaims().get(settings.usernameClaim());
        if (!(username instanceof String name) || name.isBlank()) {
            return refuse(AuditEntry.UNKNOWN_ACCOUNT, address, NO_USERNAME,
                    provider + " sent no \"" + settings.usernameClaim() + "\" claim");
        }
        if (configuredUsernames.contains(name)) {
            return refuse(name, address, CONFIGURED_NAME, "a configured user has this username");
        }
        Set<String> given = roles.of(user.getClaims().get(settings.rolesClaim()));
        if (given.isEmpty()) {
            return refuse(name, address, NO_ROLE, "none of the values of \"" + settings.rolesClaim() + "\" from "
                    + provider + " gives a Baton role");
        }
        List<GrantedAuthority> authorities = given.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        OidcUser batonUser = new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), settings.usernameClaim());
        Mono<Void> roster = given.contains("AGENT")
                ? agents.enrol(new AgentRoster.Member(new AgentRef(name, displayName(user, name)), settings.capacity(),
                        teams.of(user.getClaims().get(settings.teamsClaim())), given.contains("SUPERVISOR")), clock.instant())
                : agents.withdraw(name);
        return roster.thenReturn(batonUser);
    }

    private String displayName(OidcUser user, String username) {
        return user.getClaims().get(settings.nameClaim()) instanceof String name && !name.isBlank() ? name.strip() : username;
    }

    private Mono<OidcUser> refuse(String who, String address, String code, String why) {
        return BestEffortAudit.of(audit.record(new Actor(who, address), StaffAction.LOGIN_REFUSED, "sign-in",
                        "single sign-on refused: " + why), "a refused sign-in")
                .then(Mono.error(new OAuth2AuthenticationException(new OAuth2Error(code, why, null))));
    }
}
