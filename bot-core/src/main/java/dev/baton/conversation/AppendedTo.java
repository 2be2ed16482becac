package dev.baton.conversation;

/**
 * What a combined step of the store did: the conversation as it stood when the message was appended (after the
 * step's update, if it had one), and the append itself.
 */
public record AppendedTo(Conversation conversation, Appended appended) {
}
