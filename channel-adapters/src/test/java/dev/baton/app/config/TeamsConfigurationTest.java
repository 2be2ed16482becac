package dev.baton.app.config;

import dev.baton.conversation.AgentRef;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.Team;
import dev.baton.handoff.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@code baton.teams} and {@code baton.routing} become the installation's teams, and what a wrong one says. */
class TeamsConfigurationTest {

    @Test
    void theDemoProfilesTeamsRoutePaymentsToBillingAndEveryOtherLanguageToSupport() throws IOException {
        Binder demo = new Binder(ConfigurationPropertySources.from(
                new YamlPropertySourceLoader().load("demo", new ClassPathResource("application-demo.yml"))));

        Teams teams = demo.bindOrCreate("baton", BatonProperties.class).teams(BusinessHours.always());

        assertThat(teams.all()).extracting(Team::name).containsExactly("support", "billing");
        assertThat(teams.route(Optional.of("refunds"), Optional.of("billing"), "it")).contains("billing");
        assertThat(teams.route(Optional.of("refunds"), Optional.of("billing"), "fa")).contains("support");
        assertThat(teams.teamsOf(new AgentRoster.Member(new AgentRef("bruno", "Bruno"), 5))).containsExactlyInAnyOrder("support", "billing");
        assertThat(teams.seesEveryTeam(new AgentRoster.Member(new AgentRef("alice", "Alice"), 5))).as("a supervisor").isTrue();
        assertThat(teams.find("billing").orElseThrow().timers()).contains(new Team.Timers(Duration.ofMinutes(1), Duration.ofMinutes(3)));
    }

    @Test
    void aTeamGetsItsMembersFromItsListAndFromTheAgentsWhoNameItAndItsOwnHours() {
        Teams teams = teams(Map.of(
                "baton.agents.users[0].username", "ana",
                "baton.agents.users[0].teams", "night",
                "baton.agents.users[1].username", "ben",
                "baton.teams[0].name", "night",
                "baton.teams[0].members", "ben",
                "baton.teams[0].assignment", "auto",
                "baton.teams[0].business-hours.zone", "Europe/Vilnius",
                "baton.teams[0].business-hours.weekly.monday", "20:00-00:00"));

        Team night = teams.find("night").orElseThrow();
        assertThat(night.members()).containsExactlyInAnyOrder("ana", "ben");
        assertThat(night.mode()).isEqualTo(Team.AssignmentMode.AUTO);
        assertThat(night.hours().zone().getId()).isEqualTo("Europe/Vilnius");
    }

    @Test
    void withoutTeamsThereIsOneImplicitTeam() {
        assertThat(teams(Map.of("baton.agents.users[0].username", "ana")).configured()).isFalse();
    }

    @Test
    void aWrongTeamConfigurationSaysWhatIsWrong() {
        assertThatThrownBy(() -> teams(Map.of("baton.teams[0].name", "billing", "baton.teams[0].members", "nobody")))
                .hasMessageContaining("baton.teams[0].members: nobody is not an agent of baton.agents.users");
        assertThatThrownBy(() -> teams(Map.of("baton.agents.users[0].username", "ana", "baton.agents.users[0].teams", "sales")))
                .hasMessageContaining("ana is in the team sales, which is not one of baton.teams");
        assertThatThrownBy(() -> teams(Map.of("baton.teams[0].name", "billing", "baton.routing.fallback-team", "support")))
                .hasMessageContaining("the fallback team support is not one of the teams billing");
        assertThatThrownBy(() -> teams(Map.of("baton.teams[0].name", "billing", "baton.teams[0].business-hours.weekly.monday", "9-5")))
                .hasMessageContaining("baton.teams[0].business-hours.zone must say which time zone");
    }

    private static Teams teams(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("baton", BatonProperties.class)
                .teams(BusinessHours.always());
    }
}
