package dev.baton.conversation;

/**
 * The agent already has as many open conversations as they may: taking one more was refused, and nothing changed.
 * The store checks it in the same atomic step as the assignment (see {@link ConversationStore#updateWithinCapacity}),
 * so that agents racing on several nodes never push one agent over.
 */
public final class AtCapacityException extends RuntimeException {

    private final String agentUsername;
    private final int capacity;

    public AtCapacityException(String agentUsername, int capacity) {
        super(agentUsername + " already has " + capacity + " open conversation" + (capacity == 1 ? "" : "s")
                + ", as many as they may have at once");
        this.agentUsername = agentUsername;
        this.capacity = capacity;
    }

    public String agentUsername() {
        return agentUsername;
    }

    public int capacity() {
        return capacity;
    }
}
