package dev.baton.conversation;

/**
 * Who wrote a message. {@code SYSTEM} notes are facts about the conversation ("Alice joined"); a {@code NOTE} is an
 * agent's internal note, written for the other agents: it stays in the transcript but never reaches the visitor.
 */
public enum Sender {
    VISITOR,
    BOT,
    AGENT,
    SYSTEM,
    NOTE;

    /** Whether the visitor may read what this sender wrote: everything but agents' internal notes. */
    public boolean reachesVisitor() {
        return this != NOTE;
    }
}
