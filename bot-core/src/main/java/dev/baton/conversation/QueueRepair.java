package dev.baton.conversation;

/**
 * A disagreement between the agents' queue and a conversation's state that a store found and repaired: left over
 * from an older version that changed them in two steps, or from a hand-edited store.
 */
public record QueueRepair(String conversationId, Fault fault) {

    public enum Fault {
        /** It was queued, but the conversation is gone (expired or deleted): taken out of the queue. */
        CONVERSATION_GONE,
        /** It was queued, but nobody waits in it any more: taken out of the queue. */
        NOT_WAITING,
        /** It waits for an agent, but was in no queue: put at the back. */
        NOT_QUEUED
    }

    /** What was wrong and what was done, for the log: ids and states only, never message text. */
    public String describe() {
        return switch (fault) {
            case CONVERSATION_GONE -> "conversation " + conversationId + " was queued but is gone: removed from the queue";
            case NOT_WAITING -> "conversation " + conversationId + " was queued but not waiting for an agent: removed from the queue";
            case NOT_QUEUED -> "conversation " + conversationId + " was waiting for an agent in no queue: queued at the back";
        };
    }
}
