package dev.baton.conversation;

/**
 * Who owns a conversation. The bot speaks only in {@link #BOT}; once a conversation waits for or is with a
 * person, the bot stays silent so that it never talks over a human.
 */
public enum ConversationState {
    BOT,
    WAITING_FOR_AGENT,
    WITH_AGENT,
    RESOLVED
}
