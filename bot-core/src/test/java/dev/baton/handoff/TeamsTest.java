package dev.baton.handoff;

import dev.baton.conversation.AgentRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which team a handoff goes to, and who serves a team's conversations. */
class TeamsTest {

    private static final Team SUPPORT = team("support", Set.of("en", "it"), Set.of(), Set.of("carla", "maria"));
    private static final Team BILLING = team("billing", Set.of("en"), Set.of("refund"), Set.of("maria"));
    private static final Team PERSIAN = team("persian", Set.of("fa"), Set.of(), Set.of("dariush"));
    private static final Teams TEAMS = new Teams(List.of(SUPPORT, BILLING, PERSIAN), Optional.of("support"),
            BusinessHours.always(), Set.of("sam"));

    @Test
    void aHandoffGoesToTheTeamItsIntentNamesWhenThatTeamTakesTheLanguage() {
        assertThat(TEAMS.route(Optional.of("invoice"), Optional.of("billing"), "en")).contains("billing");
    }

    @Test
    void aTeamListingTheIntentTakesItWhenTheIntentNamesNoTeam() {
        assertThat(TEAMS.route(Optional.of("refund"), Optional.empty(), "en")).contains("billing");
    }

    @Test
    void whenTheIntentsTeamDoesNotTakeTheLanguageTheFirstTeamThatDoesTakesIt() {
        assertThat(TEAMS.route(Optional.of("refund"), Optional.empty(), "it")).contains("support");
        assertThat(TEAMS.route(Optional.of("refund"), Optional.empty(), "fa")).contains("persian");
    }

    @Test
    void withoutAnIntentTheLanguageDecides() {
        assertThat(TEAMS.route(Optional.empty(), Optional.empty(), "fa")).contains("persian");
    }

    @Test
    void aLanguageNoTeamTakesGoesToTheFallbackTeam() {
        assertThat(TEAMS.route(Optional.of("refund"), Optional.empty(), "lt")).contains("support");
    }

    @Test
    void anIntentNamingATeamThatIsNotConfiguredIsRoutedByLanguage() {
        assertThat(TEAMS.route(Optional.of("invoice"), Optional.of("accounts"), "fa")).contains("persian");
    }

    @Test
    void withoutTeamsNothingIsRoutedAndEveryoneServesEveryConversation() {
        Teams none = Teams.none(BusinessHours.always());

        assertThat(none.route(Optional.of("refund"), Optional.of("billing"), "en")).isEmpty();
        assertThat(none.serves(agent("anyone"), Optional.of("billing"))).isTrue();
        assertThat(none.seesEveryTeam(agent("anyone"))).isTrue();
    }

    @Test
    void membersServeTheirTeamsAndOverseersServeEveryTeam() {
        assertThat(TEAMS.serves(agent("carla"), Optional.of("support"))).isTrue();
        assertThat(TEAMS.serves(agent("carla"), Optional.of("billing"))).isFalse();
        assertThat(TEAMS.serves(agent("sam"), Optional.of("billing"))).isTrue();
        assertThat(TEAMS.serves(agent("carla"), Optional.empty())).as("a conversation routed before teams existed").isTrue();
        assertThat(TEAMS.teamsOf(agent("maria"))).containsExactlyInAnyOrder("support", "billing");
    }

    @Test
    void anAgentFromTheDirectoryIsInTheTeamsTheDirectoryPutsThemInAndServesOnlyThose() {
        AgentRoster.Member dana = new AgentRoster.Member(new AgentRef("dana", "Dana"), 3, Set.of("billing"));

        assertThat(TEAMS.teamsOf(dana)).containsExactly("billing");
        assertThat(TEAMS.isIn(dana, BILLING)).isTrue();
        assertThat(TEAMS.serves(dana, Optional.of("billing"))).isTrue();
        assertThat(TEAMS.serves(dana, Optional.of("support"))).isFalse();
    }

    @Test
    void aSupervisorFromTheDirectorySeesAndServesEveryTeamWhateverTeamsTheyAreIn() {
        AgentRoster.Member olga = new AgentRoster.Member(new AgentRef("olga", "Olga"), 3, Set.of("billing"), true);

        assertThat(TEAMS.seesEveryTeam(olga)).isTrue();
        assertThat(TEAMS.serves(olga, Optional.of("support"))).isTrue();
        assertThat(TEAMS.seesEveryTeam(new AgentRoster.Member(new AgentRef("dana", "Dana"), 3, Set.of("billing")))).isFalse();
    }

    @Test
    void aTeamTheDirectoryNamedThatIsNoLongerConfiguredIsNoTeamOfTheAgents() {
        AgentRoster.Member dana = new AgentRoster.Member(new AgentRef("dana", "Dana"), 3, Set.of("accounts", "support"));

        assertThat(TEAMS.teamsOf(dana)).containsExactly("support");
    }

    @Test
    void aConfiguredMemberIsInTheirTeamsAndTheDirectoryAddsToThem() {
        AgentRoster.Member carla = new AgentRoster.Member(new AgentRef("carla", "Carla"), 1, Set.of("persian"));

        assertThat(TEAMS.teamsOf(carla)).containsExactlyInAnyOrder("support", "persian");
    }

    private static AgentRoster.Member agent(String username) {
        return new AgentRoster.Member(new AgentRef(username, username), 1);
    }

    @Test
    void aTeamsOwnHoursApplyToItsConversationsAndTheInstallationsToTheRest() {
        BusinessHours closed = new BusinessHours(java.time.ZoneId.of("UTC"), java.util.Map.of(), Set.of());
        Team night = new Team("night", Set.of(), Set.of(), Set.of(), Team.AssignmentMode.PULL, closed, Optional.empty());
        Teams teams = new Teams(List.of(night), Optional.empty(), BusinessHours.always(), Set.of());

        assertThat(teams.hoursOf(Optional.of("night"))).isEqualTo(closed);
        assertThat(teams.hoursOf(Optional.empty())).isEqualTo(BusinessHours.always());
    }

    @Test
    void misconfiguredTeamsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> new Teams(List.of(SUPPORT), Optional.of("sales"), BusinessHours.always(), Set.of()))
                .hasMessageContaining("the fallback team sales is not one of the teams support");
        assertThatThrownBy(() -> new Teams(List.of(SUPPORT, SUPPORT), Optional.empty(), BusinessHours.always(), Set.of()))
                .hasMessageContaining("the team support is listed twice");
        assertThatThrownBy(() -> new Teams(List.of(BILLING, team("refunds", Set.of(), Set.of("refund"), Set.of())), Optional.empty(),
                BusinessHours.always(), Set.of())).hasMessageContaining("the intent refund is handled by two teams: billing and refunds");
        assertThatThrownBy(() -> team("Billing Team", Set.of(), Set.of(), Set.of()))
                .hasMessageContaining("a team's name is lower case letters, digits, - and _");
    }

    static Team team(String name, Set<String> languages, Set<String> intents, Set<String> members) {
        return new Team(name, languages, intents, members, Team.AssignmentMode.PULL, BusinessHours.always(), Optional.empty());
    }
}
