package dev.baton.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * A visitor's consent to the privacy notice in a conversation: accepted in the widget before writing, or, on a
 * messaging channel that cannot ask first, informed by the notice as the conversation's first reply.
 *
 * @param noticeVersion the version of the notice they were shown, as the operator numbered it
 * @param how           how they came to know it
 */
public record Consent(String conversationId, String noticeVersion, Instant at, How how) {

    public enum How {
        /** The visitor accepted the notice in the widget before their first message. */
        ACCEPTED,
        /** A messaging channel sent the notice as the first reply of the conversation. */
        INFORMED_VIA_CHANNEL
    }

    public Consent {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(noticeVersion, "noticeVersion");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(how, "how");
        if (noticeVersion.isBlank()) {
            throw new IllegalArgumentException("a privacy notice's version may not be blank");
        }
    }

    /** The notice accepted in the widget. */
    public static Consent accepted(String conversationId, String noticeVersion, Instant at) {
        return new Consent(conversationId, noticeVersion, at, How.ACCEPTED);
    }
}
