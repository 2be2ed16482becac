package dev.baton.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One stored message of a transcript.
 *
 * @param id              increases by one within its conversation, starting at 1; clients resume after it
 * @param authorName      the agent's display name for {@link Sender#AGENT} messages
 * @param clientMessageId the id the sending client chose, so that a retried send is recognised
 * @param intent          for bot answers, the intent answered (what FAQ helpfulness is measured on)
 * @param replyTo         for the bot's answer to a visitor's message, that message's id (a message gets one answer at most)
 */
public record Message(long id,
                      String conversationId,
                      Sender from,
                      String text,
                      List<QuickReply> quickReplies,
                      Instant at,
                      Optional<String> authorName,
                      Optional<String> clientMessageId,
                      Optional<String> intent,
                      OptionalLong replyTo) {

    public Message {
        quickReplies = List.copyOf(quickReplies);
    }
}
