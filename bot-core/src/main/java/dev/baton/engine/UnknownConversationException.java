package dev.baton.engine;

/** No conversation has this id, or it belongs to someone else (which we do not reveal). */
public final class UnknownConversationException extends RuntimeException {

    public UnknownConversationException(String conversationId) {
        super("unknown conversation " + QuotedValue.capped(conversationId));
    }
}
