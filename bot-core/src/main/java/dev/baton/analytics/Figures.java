package dev.baton.analytics;

import dev.baton.conversation.HandoffReason;
import dev.baton.satisfaction.SatisfactionRating;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The figures of a set of outcomes: of a whole period, or of one agent's conversations in it.
 *
 * @param conversations    distinct conversations with an outcome
 * @param contained        of those, the ones never handed to people (as {@code 1 - escalated / engaged} in the metrics)
 * @param handoffsByReason outcomes of conversations people were done with, by why the bot had handed them off
 * @param queueWait        time in the queue until accepted
 * @param firstResponse    from joining the queue to the agent's first message
 * @param resolution       from the start to the resolution by an agent
 * @param satisfaction     how many ratings of each score, 1 to 5 (index 0 is score 1)
 */
public record Figures(long conversations, long contained, Map<HandoffReason, Long> handoffsByReason, Spread queueWait,
                      Spread firstResponse, Spread resolution, List<Long> satisfaction) {

    /** How durations spread: how many, the median and the 90th percentile (nearest rank); empty when none. */
    public record Spread(int count, Optional<Duration> median, Optional<Duration> p90) {

        static Spread of(Collection<Duration> durations) {
            List<Duration> sorted = durations.stream().sorted().toList();
            return new Spread(sorted.size(), nearestRank(sorted, 50), nearestRank(sorted, 90));
        }

        /** The smallest value with at least {@code percent} % of the values at or below it. */
        private static Optional<Duration> nearestRank(List<Duration> sorted, int percent) {
            if (sorted.isEmpty()) {
                return Optional.empty();
            }
            int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
            return Optional.of(sorted.get(Math.max(rank, 1) - 1));
        }
    }

    /** The share of conversations the bot kept to itself; 0 when there were none. */
    public double containment() {
        return conversations == 0 ? 0 : (double) contained / conversations;
    }

    /** The figures of {@code outcomes}, with the ratings of those conversations that were rated. */
    public static Figures of(Collection<ConversationOutcome> outcomes, Collection<SatisfactionRating> ratings) {
        Set<String> conversations = new HashSet<>();
        Set<String> handedOff = new HashSet<>();
        Map<HandoffReason, Long> byReason = new EnumMap<>(HandoffReason.class);
        for (ConversationOutcome outcome : outcomes) {
            conversations.add(outcome.conversationId());
            outcome.handoffReason().ifPresent(reason -> {
                handedOff.add(outcome.conversationId());
                byReason.merge(reason, 1L, Long::sum);
            });
        }
        List<Long> scores = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L));
        ratings.forEach(r -> scores.set(r.score() - 1, scores.get(r.score() - 1) + 1));
        return new Figures(conversations.size(), conversations.size() - handedOff.size(), byReason,
                spread(outcomes, ConversationOutcome::waited), spread(outcomes, ConversationOutcome::firstResponse),
                spread(outcomes, ConversationOutcome::resolution), List.copyOf(scores));
    }

    private static Spread spread(Collection<ConversationOutcome> outcomes, Function<ConversationOutcome, Optional<Duration>> measure) {
        return Spread.of(outcomes.stream().flatMap(o -> measure.apply(o).stream()).toList());
    }
}
