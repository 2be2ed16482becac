package dev.baton.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One stored message of a transcript.
 *
 * @param id              increases by one within its conversation, starting at 1; clients resume after it
 * @param authorName      the agent's display name for {@link Sender#AGENT} messages and {@link Sender#NOTE notes}
 * @param clientMessageId the id the sending client chose, so that a retried send is recognised
 * @param intent          for bot answers, the intent answered (what FAQ helpfulness is measured on)
 * @param replyTo         for the bot's answer to a visitor's message, that message's id (a message gets one answer at most)
 * @param decision        for a message the bot wrote in answer to a visitor, why it said that
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
                      OptionalLong replyTo,
                      Optional<BotDecision> decision) {

    public Message {
        quickReplies = List.copyOf(quickReplies);
    }

    /** The message {@code draft} becomes when stored as {@code id} of {@code conversationId} at {@code at}. */
    public static Message stored(long id, String conversationId, MessageDraft draft, Instant at) {
        return new Message(id, conversationId, draft.from(), draft.text(), draft.quickReplies(), at, draft.authorName(),
                draft.clientMessageId(), draft.intent(), draft.replyTo(), draft.decision());
    }

    /** Whether the visitor may read it: an agent's internal note they never may. */
    public boolean reachesVisitor() {
        return from.reachesVisitor();
    }

    /** This message with the id the store gave it. */
    public Message withId(long newId) {
        return new Message(newId, conversationId, from, text, quickReplies, at, authorName, clientMessageId, intent, replyTo, decision);
    }
}
