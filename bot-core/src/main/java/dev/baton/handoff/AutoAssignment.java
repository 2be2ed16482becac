package dev.baton.handoff;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whom Baton gives a team's longest-waiting conversation to, for a team in {@link Team.AssignmentMode#AUTO} mode: the
 * available member (online, not away, under capacity) with the fewest open conversations; between equals, the one
 * listed first in the roster, so that the choice is the same on every node.
 */
public final class AutoAssignment {

    private AutoAssignment() {
    }

    /** @param members the team's members with their status and load, in the roster's order */
    public static Optional<AgentAvailability> choose(List<AgentAvailability> members) {
        return members.stream()
                .filter(AgentAvailability::canTakeMore)
                .min(Comparator.comparingInt(AgentAvailability::open));
    }
}
