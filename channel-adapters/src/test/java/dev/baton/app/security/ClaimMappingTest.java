package dev.baton.app.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryRolesTest {

    private final DirectoryRoles roles = new DirectoryRoles(Map.of(
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
                "name", 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baton.sso.roles.\"ops\" names the role \"ROOT\"; a directory's users may get [ADMIN, AGENT, SUPERVISOR, TRAINER]");
        assertThatThrownBy(() -> new SingleSignOnSettings("groups", Map.of("ops", List.of("METRICS")), "preferred_username",
                "name", 5)).hasMessageContaining("\"METRICS\"");
    }
}
