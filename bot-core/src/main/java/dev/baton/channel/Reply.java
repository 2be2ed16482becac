package dev.baton.channel;

import dev.baton.conversation.QuickReply;

import java.util.List;
import java.util.Objects;

/**
 * One message for a visitor on a channel: the bot's answer, a handoff or queue notice, an agent's message, a note
 * about the conversation or the satisfaction question.
 *
 * @param messageId the message's id in its transcript, which a channel's buttons name (see {@link Choices#key})
 * @param choices   quick replies offered with it, in order; empty for plain text
 */
public record Reply(ChannelAddress to, long messageId, String text, List<QuickReply> choices) {

    public Reply {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        choices = List.copyOf(choices);
    }
}
