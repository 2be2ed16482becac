package dev.baton.engine;

/** Another agent accepted this conversation first. */
public final class AlreadyTakenException extends RuntimeException {

    public AlreadyTakenException(String conversationId) {
        super("conversation " + conversationId + " was already taken by another agent");
    }
}
