package dev.baton.conversation;

/**
 * What a transition does to the conversation's place in the agents' queue. The queue is an index of the
 * conversations waiting for an agent, and stores keep it in the same atomic step as the state, derived from the
 * transition by {@link #of}: so no failure can leave a conversation waiting outside the queue, or queued while
 * nobody waits.
 */
public enum QueueMove {
    /** The queue is untouched. */
    NONE,
    /** At the back, behind everyone waiting (a handoff from the bot). */
    BACK,
    /** At the front: the visitor already waited once and lost their agent, or was transferred to another team. */
    FRONT,
    /** Out of the queue: taken by an agent, back to the bot, or resolved. */
    LEAVE;

    public static QueueMove of(ConversationState before, ConversationState after) {
        boolean waitedBefore = before == ConversationState.WAITING_FOR_AGENT;
        boolean waitsAfter = after == ConversationState.WAITING_FOR_AGENT;
        if (waitedBefore == waitsAfter) {
            return NONE;
        }
        if (!waitsAfter) {
            return LEAVE;
        }
        return before == ConversationState.WITH_AGENT ? FRONT : BACK;
    }

    /** A conversation stored as it is (created): queued at the back if it is waiting. */
    public static QueueMove ofNew(ConversationState state) {
        return state == ConversationState.WAITING_FOR_AGENT ? BACK : NONE;
    }
}
