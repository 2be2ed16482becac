package dev.baton.engine;

import java.util.Map;
import java.util.Optional;

/**
 * How many agents can come (online and not away) at one moment: in all, and per team, since a visitor waits for their
 * own team's people.
 *
 * @param byTeam the agents online in each team, by name; empty without teams
 */
public record AgentsOnline(int total, Map<String, Integer> byTeam) {

    public AgentsOnline {
        byTeam = Map.copyOf(byTeam);
    }

    /** The agents who can come to a conversation of {@code team}: everyone for no team. */
    public int of(Optional<String> team) {
        return team.map(name -> byTeam.getOrDefault(name, total)).orElse(total);
    }
}
