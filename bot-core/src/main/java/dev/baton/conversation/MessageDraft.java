package dev.baton.conversation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A message about to be stored: the store gives it its id and timestamp.
 *
 * @param replyTo the visitor's message this draft answers, if it is the bot's answer: the store keeps one answer per
 *                message (see {@link ConversationStore#appendOnce})
 * @param decision why the bot wrote it, for a message a bot turn wrote
 */
public record MessageDraft(Sender from,
                           String text,
                           List<QuickReply> quickReplies,
                           Optional<String> authorName,
                           Optional<String> clientMessageId,
                           Optional<String> intent,
                           OptionalLong replyTo,
                           Optional<BotDecision> decision) {

    public MessageDraft {
        quickReplies = List.copyOf(quickReplies);
    }

    public static MessageDraft fromVisitor(String text, Optional<String> clientMessageId) {
        return new MessageDraft(Sender.VISITOR, text, List.of(), Optional.empty(), clientMessageId, Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    public static MessageDraft fromBot(String text, List<QuickReply> quickReplies) {
        return new MessageDraft(Sender.BOT, text, quickReplies, Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    public static MessageDraft botAnswer(String intent, String text, List<QuickReply> quickReplies) {
        return new MessageDraft(Sender.BOT, text, quickReplies, Optional.empty(), Optional.empty(), Optional.of(intent), OptionalLong.empty(), Optional.empty());
    }

    public static MessageDraft fromAgent(String agentName, String text, Optional<String> clientMessageId) {
        return new MessageDraft(Sender.AGENT, text, List.of(), Optional.of(agentName), clientMessageId, Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    /** An agent's internal note: stored in the transcript for agents, never shown to the visitor. */
    public static MessageDraft note(String agentName, String text, Optional<String> clientMessageId) {
        return new MessageDraft(Sender.NOTE, text, List.of(), Optional.of(agentName), clientMessageId, Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    /** This draft as the answer to the visitor's message {@code messageId}. */
    public MessageDraft replyingTo(long messageId) {
        return new MessageDraft(from, text, quickReplies, authorName, clientMessageId, intent, OptionalLong.of(messageId), decision);
    }

    /** This draft as what a bot turn that decided {@code why} says. */
    public MessageDraft decidedBy(BotDecision why) {
        return new MessageDraft(from, text, quickReplies, authorName, clientMessageId, intent, replyTo, Optional.of(why));
    }

    public static MessageDraft systemNote(String text) {
        return new MessageDraft(Sender.SYSTEM, text, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty());
    }
}
