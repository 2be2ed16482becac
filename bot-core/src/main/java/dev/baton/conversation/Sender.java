package dev.baton.conversation;

/** Who wrote a message. {@code SYSTEM} notes are facts about the conversation ("Alice joined"). */
public enum Sender {
    VISITOR,
    BOT,
    AGENT,
    SYSTEM
}
