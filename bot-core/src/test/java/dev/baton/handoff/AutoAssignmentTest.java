package dev.baton.handoff;

import dev.baton.conversation.AgentRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whom Baton gives a team's longest-waiting conversation to. */
class AutoAssignmentTest {

    @Test
    void theAvailableMemberWithTheFewestOpenConversationsIsChosen() {
        assertThat(AutoAssignment.choose(List.of(agent("ana", 3, 2), agent("ben", 3, 0), agent("cleo", 3, 1))))
                .map(a -> a.member().username()).contains("ben");
    }

    @Test
    void membersWhoAreAwayOfflineOrFullAreNeverChosen() {
        assertThat(AutoAssignment.choose(List.of(
                new AgentAvailability(member("ana", 3), AgentAvailability.Status.AWAY, 0),
                new AgentAvailability(member("ben", 3), AgentAvailability.Status.OFFLINE, 0),
                agent("cleo", 2, 2),
                agent("dora", 5, 4)))).map(a -> a.member().username()).contains("dora");
    }

    @Test
    void betweenEquallyLoadedMembersTheFirstInTheRosterIsChosenOnEveryNode() {
        assertThat(AutoAssignment.choose(List.of(agent("ana", 3, 1), agent("ben", 3, 1))))
                .map(a -> a.member().username()).contains("ana");
    }

    @Test
    void nobodyIsChosenWhenNoMemberHasRoom() {
        assertThat(AutoAssignment.choose(List.of(agent("ana", 1, 1)))).isEmpty();
        assertThat(AutoAssignment.choose(List.of())).isEmpty();
    }

    private static AgentAvailability agent(String username, int capacity, int open) {
        return new AgentAvailability(member(username, capacity), AgentAvailability.Status.ONLINE, open);
    }

    private static AgentRoster.Member member(String username, int capacity) {
        return new AgentRoster.Member(new AgentRef(username, username), capacity);
    }
}
