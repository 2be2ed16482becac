package dev.baton.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * A visitor accepted the privacy notice before writing in a conversation.
 *
 * @param noticeVersion the version of the notice they were shown, as the operator numbered it
 */
public record Consent(String conversationId, String noticeVersion, Instant at) {

    public Consent {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(noticeVersion, "noticeVersion");
        Objects.requireNonNull(at, "at");
        if (noticeVersion.isBlank()) {
            throw new IllegalArgumentException("a privacy notice's version may not be blank");
        }
    }
}
