package dev.baton.satisfaction;

import java.util.List;
import java.util.Objects;

/**
 * How visitors rated the conversations one agent resolved.
 *
 * @param perScore how many ratings gave each score: index 0 counts the 1s, index 4 the 5s
 */
public record AgentSatisfaction(String agentUsername, List<Long> perScore) {

    public AgentSatisfaction {
        Objects.requireNonNull(agentUsername, "agentUsername");
        perScore = List.copyOf(perScore);
        if (perScore.size() != SatisfactionRating.HIGHEST) {
            throw new IllegalArgumentException("one count per score is needed, not " + perScore.size());
        }
    }

    public long ratings() {
        return perScore.stream().mapToLong(Long::longValue).sum();
    }

    /** The mean score, 0 without ratings. */
    public double average() {
        long ratings = ratings();
        long total = 0;
        for (int i = 0; i < perScore.size(); i++) {
            total += (i + 1) * perScore.get(i);
        }
        return ratings == 0 ? 0 : (double) total / ratings;
    }
}
