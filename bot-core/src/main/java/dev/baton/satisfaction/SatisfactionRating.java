package dev.baton.satisfaction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A visitor's satisfaction (CSAT) with a conversation an agent resolved: one per conversation.
 *
 * @param agentUsername the agent who had the conversation when it was resolved, whom the rating counts towards
 * @param score         1 (very unhappy) to 5 (very happy)
 * @param comment       what the visitor added in their own words, if anything
 */
public record SatisfactionRating(String conversationId, String agentUsername, int score, Optional<String> comment, Instant at) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public SatisfactionRating {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(agentUsername, "agentUsername");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(at, "at");
        if (!isScore(score)) {
            throw new IllegalArgumentException("a score is " + LOWEST + " to " + HIGHEST + ": " + score);
        }
    }

    public static boolean isScore(long score) {
        return score >= LOWEST && score <= HIGHEST;
    }
}
