package dev.baton.app.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a directory's claim maps to roles and teams ({@code baton.sso.roles}, {@code baton.sso.teams}). */
class ClaimMappingTest {

    private final ClaimMapping roles = new ClaimMapping(Map.of(
            "baton-agents", List.of("AGENT"),
            "baton-supervisors", List.of("AGENT", "SUPERVISOR"),
            "it-admins", List.of("ADMIN")));

    @Test
    void eachListedValueOfTheClaimGivesItsRolesTogether() {
        assertThat(roles.of(List.of("baton-supervisors", "it-admins", "marketing"))).containsExactly("ADMIN", "AGENT", "SUPERVISOR");
    }

    @Test
    void aClaimOfOneValueCountsAsAListOfOne() {
        assertThat(roles.of("baton-agents")).containsExactly("AGENT");
    }

    @Test
    void valuesNotListedAnAbsentClaimOrOneOfAnotherShapeGiveNothing() {
        assertThat(roles.of(List.of("marketing", "Baton-Agents"))).isEmpty();
        assertThat(roles.of(null)).isEmpty();
        assertThat(roles.of(Map.of("baton-agents", true))).isEmpty();
    }

    @Test
    void aMappingToARoleBatonDoesNotHaveStopsTheStartWithAClearError() {
        assertThatThrownBy(() -> new SingleSignOnSettings("groups", Map.of("ops", List.of("AGENT", "ROOT")), "preferred_username",
                "name", 5, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baton.sso.roles.\"ops\" names the role \"ROOT\"; a directory's users may get [ADMIN, AGENT, SUPERVISOR, TRAINER]");
        assertThatThrownBy(() -> new SingleSignOnSettings("groups", Map.of("ops", List.of("METRICS")), "preferred_username",
                "name", 5, null, Map.of())).hasMessageContaining("\"METRICS\"");
    }

    @Test
    void eachListedValueOfTheTeamsClaimPutsAnAgentInItsTeams() {
        ClaimMapping teams = new ClaimMapping(Map.of("billing-desk", List.of("billing"), "front-line", List.of("support", "billing")));

        assertThat(teams.of(List.of("billing-desk", "marketing"))).containsExactly("billing");
        assertThat(teams.of(List.of("front-line", "billing-desk"))).containsExactly("billing", "support");
        assertThat(teams.of(List.of("marketing"))).as("in no team").isEmpty();
    }

    @Test
    void theTeamsClaimIsTheRolesClaimUnlessSetApart() {
        assertThat(settings("roles", null, Map.of()).teamsClaim()).isEqualTo("roles");
        assertThat(settings("roles", "departments", Map.of()).teamsClaim()).isEqualTo("departments");
    }

    @Test
    void aMappingToATeamThatIsNotConfiguredStopsTheStartWithAClearError() {
        SingleSignOnSettings settings = settings("groups", null, Map.of("billing-desk", List.of("biling")));

        assertThatThrownBy(() -> settings.checkTeams(Set.of("support", "billing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baton.sso.teams.\"billing-desk\" names the team \"biling\", which is not one of baton.teams [billing, support]");
        assertThatThrownBy(() -> settings.checkTeams(Set.of())).hasMessageEndingWith("which is not one of baton.teams (there are none)");
        settings("groups", null, Map.of("billing-desk", List.of("billing"))).checkTeams(Set.of("billing"));
    }

    private static SingleSignOnSettings settings(String rolesClaim, String teamsClaim, Map<String, List<String>> teams) {
        return new SingleSignOnSettings(rolesClaim, Map.of(), "preferred_username", "name", 5, teamsClaim, teams);
    }
}
