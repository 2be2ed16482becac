package dev.baton.conversation;

/** A conversation was asked to move to a state it cannot reach from where it is. */
public final class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String conversationId, ConversationState from, String action) {
        super("cannot " + action + " conversation " + conversationId + " while it is " + from);
    }
}
