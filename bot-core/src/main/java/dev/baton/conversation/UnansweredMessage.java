package dev.baton.conversation;

/**
 * A visitor's message stored while the conversation was with the bot, whose answer has not been stored yet: the
 * node handling it may have died between the two steps (see {@link ConversationStore#claimUnanswered}).
 */
public record UnansweredMessage(String conversationId, long messageId) {
}
