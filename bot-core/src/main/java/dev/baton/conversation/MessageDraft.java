package dev.baton.conversation;

import java.util.List;
import java.util.Optional;

/** A message about to be stored: the store gives it its id and timestamp. */
public record MessageDraft(Sender from,
                           String text,
                           List<QuickReply> quickReplies,
                           Optional<String> authorName,
                           Optional<String> clientMessageId,
                           Optional<String> intent) {

    public MessageDraft {
        quickReplies = List.copyOf(quickReplies);
    }

    public static MessageDraft fromVisitor(String text, Optional<String> clientMessageId) {
        return new MessageDraft(Sender.VISITOR, text, List.of(), Optional.empty(), clientMessageId, Optional.empty());
    }

    public static MessageDraft fromBot(String text, List<QuickReply> quickReplies) {
        return new MessageDraft(Sender.BOT, text, quickReplies, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static MessageDraft botAnswer(String intent, String text, List<QuickReply> quickReplies) {
        return new MessageDraft(Sender.BOT, text, quickReplies, Optional.empty(), Optional.empty(), Optional.of(intent));
    }

    public static MessageDraft fromAgent(String agentName, String text, Optional<String> clientMessageId) {
        return new MessageDraft(Sender.AGENT, text, List.of(), Optional.of(agentName), clientMessageId, Optional.empty());
    }

    public static MessageDraft systemNote(String text) {
        return new MessageDraft(Sender.SYSTEM, text, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
