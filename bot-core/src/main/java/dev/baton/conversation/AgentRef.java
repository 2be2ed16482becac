package dev.baton.conversation;

/** The agent a conversation is assigned to: a stable username and the name the visitor sees. */
public record AgentRef(String username, String displayName) {
}
