package dev.baton.handoff;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The installation's teams and how a handoff finds its team. With no team configured there is one implicit team that
 * every agent is in, with the installation's business hours: conversations carry no team, every agent sees and takes
 * every one, as before teams existed. Immutable.
 *
 * <p>The routing rule, applied once, in the same atomic step as the handoff: the team of the conversation's top
 * intent (named in the intent's file, or listing the intent) if that team takes the visitor's language; else the first
 * team, in configured order, that takes the language; else the fallback team.
 */
public final class Teams {

    private final Map<String, Team> byName = new LinkedHashMap<>();
    private final Optional<String> fallback;
    private final BusinessHours defaultHours;
    private final Set<String> overseers;

    /**
     * @param fallback     where a conversation goes that no team takes; unset, the first team
     * @param defaultHours the hours of the implicit team, when there is no team
     * @param overseers    who see and may take every team's conversations (supervisors), whatever teams they are in
     */
    public Teams(List<Team> teams, Optional<String> fallback, BusinessHours defaultHours, Set<String> overseers) {
        teams.forEach(team -> {
            if (byName.putIfAbsent(team.name(), team) != null) {
                throw new IllegalArgumentException("the team " + team.name() + " is listed twice");
            }
        });
        fallback.ifPresent(name -> {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("the fallback team " + name + " is not one of the teams "
                        + (byName.isEmpty() ? "(there are none)" : String.join(", ", byName.keySet())));
            }
        });
        Map<String, String> intentOwners = new LinkedHashMap<>();
        teams.forEach(team -> team.intents().forEach(intent -> {
            String other = intentOwners.putIfAbsent(intent, team.name());
            if (other != null) {
                throw new IllegalArgumentException("the intent " + intent + " is handled by two teams: " + other + " and " + team.name());
            }
        }));
        this.fallback = fallback.or(() -> teams.stream().findFirst().map(Team::name));
        this.defaultHours = defaultHours;
        this.overseers = Set.copyOf(overseers);
    }

    /** No team: one implicit team everyone is in, open in {@code hours}. */
    public static Teams none(BusinessHours hours) {
        return new Teams(List.of(), Optional.empty(), hours, Set.of());
    }

    public boolean configured() {
        return !byName.isEmpty();
    }

    /** Every team, in configured order. */
    public Collection<Team> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Team> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The team a handoff goes to; empty when no team is configured.
     *
     * @param topIntent  the intent the bot found most likely, if any
     * @param intentTeam the team the intent's file names, if it does; a name that is no team is passed over (the
     *                   intent files are published while the node runs, the teams are fixed at its start)
     * @param language   the visitor's language
     */
    public Optional<String> route(Optional<String> topIntent, Optional<String> intentTeam, String language) {
        if (!configured()) {
            return Optional.empty();
        }
        Optional<Team> ofIntent = intentTeam.flatMap(this::find)
                .or(() -> topIntent.flatMap(intent -> byName.values().stream().filter(t -> t.intents().contains(intent)).findFirst()));
        return ofIntent.filter(team -> team.takes(language))
                .or(() -> byName.values().stream().filter(team -> team.takes(language)).findFirst())
                .map(Team::name)
                .or(() -> fallback);
    }

    /**
     * Whether {@code username} sees and may take a conversation of {@code team}: always without teams, for a
     * conversation with no team (routed before teams were configured) or of a team no longer configured, and for
     * overseers; otherwise members only.
     */
    public boolean serves(AgentRoster.Member agent, Optional<String> team) {
        return seesEveryTeam(agent) || inQueueOf(teamsOf(agent), team);
    }

    /**
     * Whether a conversation of {@code team} is in the queue the members of {@code teamNames} see: theirs, and those
     * of no team or of a team no longer configured, which nobody else would see.
     */
    public boolean inQueueOf(Set<String> teamNames, Optional<String> team) {
        return team.filter(byName::containsKey).map(teamNames::contains).orElse(true);
    }

    /** Whether {@code agent} sees every team's queue: without teams, and for supervisors, configured or from the directory. */
    public boolean seesEveryTeam(AgentRoster.Member agent) {
        return !configured() || overseers.contains(agent.username()) || agent.directorySupervisor();
    }

    /** The teams {@code agent} is in, by name. */
    public Set<String> teamsOf(AgentRoster.Member agent) {
        return byName.values().stream().filter(t -> isIn(agent, t)).map(Team::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether {@code agent} is in {@code team}: configured in it, or put in it by the company's directory. The one
     * place that decides it. A team the directory named that is no longer configured is no team of theirs.
     */
    public boolean isIn(AgentRoster.Member agent, Team team) {
        return team.hasMember(agent.username()) || agent.directoryTeams().contains(team.name());
    }

    /** When the people of {@code team} answer: the installation's hours for no team or one not configured. */
    public BusinessHours hoursOf(Optional<String> team) {
        return team.flatMap(this::find).map(Team::hours).orElse(defaultHours);
    }
}
