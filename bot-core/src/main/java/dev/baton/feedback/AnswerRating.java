package dev.baton.feedback;

import java.time.Instant;
import java.util.Objects;

/**
 * A visitor's "was this helpful?" on one of the bot's answers.
 *
 * @param messageId the bot's answer, in its conversation
 * @param intent    the intent it answered, whose helpfulness the rating counts towards
 */
public record AnswerRating(String conversationId, long messageId, String intent, boolean helpful, Instant at) {

    public AnswerRating {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(at, "at");
    }
}
