package dev.baton.handoff;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message a visitor left for the agents instead of waiting, and where the agents are with it.
 *
 * @param contact  the email address or phone number the visitor gave, if any; forgotten some time after the
 *                 message was dealt with (see {@link LeftMessages#update})
 */
public record LeftMessage(String id, String conversationId, String visitorId, String text,
                          Optional<String> contact, String language, Instant at, FollowUp followUp) {

    public LeftMessage {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(followUp, "followUp");
    }

    /** A message just left: open. */
    public LeftMessage(String id, String conversationId, String visitorId, String text, Optional<String> contact,
                       String language, Instant at) {
        this(id, conversationId, visitorId, text, contact, language, at, FollowUp.open());
    }

    public LeftMessage withFollowUp(FollowUp next) {
        return new LeftMessage(id, conversationId, visitorId, text, contact, language, at, next);
    }

    public LeftMessage withoutContact() {
        return new LeftMessage(id, conversationId, visitorId, text, Optional.empty(), language, at, followUp);
    }
}
