package dev.baton.analytics;

import dev.baton.satisfaction.SatisfactionRating;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The analytics of a period: the figures of all its outcomes, of each agent's and of each team's, and how many
 * conversations each slice of the period saw.
 *
 * @param agents by username, in alphabetical order: the outcomes that name the agent, and the ratings counted towards them
 * @param teams  by name, in alphabetical order: the outcomes of conversations routed or transferred to the team (last),
 *               and the ratings of those conversations; none without teams
 * @param slices the period cut into slices of equal length, each with the conversations first seen in it
 */
public record PeriodReport(Instant from, Instant to, Figures overall, Map<String, Figures> agents, Map<String, Figures> teams,
                           List<Slice> slices) {

    /** Conversations first seen in {@code [start, start + length)}, and how many of them the bot kept to itself. */
    public record Slice(Instant start, long conversations, long contained) {
    }

    public PeriodReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        agents = Collections.unmodifiableSortedMap(new TreeMap<>(agents));
        teams = Collections.unmodifiableSortedMap(new TreeMap<>(teams));
        slices = List.copyOf(slices);
    }

    /**
     * @param outcomes the outcomes recorded in {@code [from, to)}
     * @param ratings  the ratings of those conversations, each counting towards the agent it names
     * @param slice    how long each slice is
     */
    public static PeriodReport of(Instant from, Instant to, Duration slice, Collection<ConversationOutcome> outcomes,
                                  Collection<SatisfactionRating> ratings) {
        Map<String, List<ConversationOutcome>> byAgent = outcomes.stream().filter(o -> o.agent().isPresent())
                .collect(Collectors.groupingBy(o -> o.agent().get()));
        Map<String, List<SatisfactionRating>> ratingsByAgent = ratings.stream()
                .collect(Collectors.groupingBy(SatisfactionRating::agentUsername));
        Map<String, Figures> agents = new TreeMap<>();
        byAgent.forEach((agent, theirs) -> agents.put(agent, Figures.of(theirs, ratingsByAgent.getOrDefault(agent, List.of()))));
        ratingsByAgent.forEach((agent, theirs) -> agents.putIfAbsent(agent, Figures.of(List.of(), theirs)));
        return new PeriodReport(from, to, Figures.of(outcomes, ratings), agents, teams(outcomes, ratings),
                slices(from, to, slice, outcomes));
    }

    private static Map<String, Figures> teams(Collection<ConversationOutcome> outcomes, Collection<SatisfactionRating> ratings) {
        Map<String, List<ConversationOutcome>> byTeam = outcomes.stream().filter(o -> o.team().isPresent())
                .collect(Collectors.groupingBy(o -> o.team().get()));
        Map<String, String> teamOf = new HashMap<>();
        outcomes.forEach(o -> o.team().ifPresent(team -> teamOf.put(o.conversationId(), team)));
        Map<String, List<SatisfactionRating>> ratingsByTeam = ratings.stream()
                .filter(r -> teamOf.containsKey(r.conversationId()))
                .collect(Collectors.groupingBy(r -> teamOf.get(r.conversationId())));
        Map<String, Figures> teams = new TreeMap<>();
        byTeam.forEach((team, theirs) -> teams.put(team, Figures.of(theirs, ratingsByTeam.getOrDefault(team, List.of()))));
        return teams;
    }

    private static List<Slice> slices(Instant from, Instant to, Duration length, Collection<ConversationOutcome> outcomes) {
        Map<String, List<ConversationOutcome>> byConversation = outcomes.stream()
                .collect(Collectors.groupingBy(ConversationOutcome::conversationId));
        int count = (int) Math.max(1, Duration.between(from, to).toMillis() / length.toMillis());
        long[] conversations = new long[count];
        long[] contained = new long[count];
        byConversation.values().forEach(theirs -> {
            Instant first = theirs.stream().map(ConversationOutcome::at).min(Instant::compareTo).orElseThrow();
            int index = (int) Math.min(count - 1, Duration.between(from, first).toMillis() / length.toMillis());
            conversations[index]++;
            if (theirs.stream().allMatch(ConversationOutcome::contained)) {
                contained[index]++;
            }
        });
        List<Slice> slices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            slices.add(new Slice(from.plus(length.multipliedBy(i)), conversations[i], contained[i]));
        }
        return slices;
    }
}
