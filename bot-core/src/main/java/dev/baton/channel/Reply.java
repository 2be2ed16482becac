package dev.baton.channel;

import dev.baton.conversation.QuickReply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message for a visitor on a channel: the bot's answer, a handoff or queue notice, an agent's message, a note
 * about the conversation or the satisfaction question.
 *
 * @param messageId the message's id in its transcript, which a channel's buttons name (see {@link Choices#key})
 * @param choices   quick replies offered with it, in order; empty for plain text
 * @param visitorLastWrote when the visitor last wrote in the conversation (a platform may refuse messages long after:
 *                  WhatsApp's customer-care window); empty if they never did
 */
public record Reply(ChannelAddress to, long messageId, String text, List<QuickReply> choices, Optional<Instant> visitorLastWrote) {

    public Reply {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(visitorLastWrote, "visitorLastWrote");
        choices = List.copyOf(choices);
    }
}
