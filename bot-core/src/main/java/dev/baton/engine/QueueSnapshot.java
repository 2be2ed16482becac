package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.handoff.QueueStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The waiting queue at one moment, longest-waiting first, and what each waiting visitor is told about it. Built
 * by {@link Handoffs#snapshot}, so that a visitor's status reads the same whether it comes from a snapshot or from
 * {@link Handoffs#queueStatus} for that visitor alone.
 */
public final class QueueSnapshot {

    private final List<Conversation> waiting;
    private final Map<String, Integer> positions;
    private final int agentsOnline;
    private final StatusRule status;

    /** How a place in the queue and the agents online become what the visitor is told. */
    @FunctionalInterface
    interface StatusRule {
        QueueStatus status(int position, int agentsOnline);
    }

    QueueSnapshot(List<Conversation> waiting, int agentsOnline, StatusRule status) {
        this.waiting = List.copyOf(waiting);
        this.agentsOnline = agentsOnline;
        this.status = status;
        this.positions = new HashMap<>(waiting.size() * 2);
        for (int i = 0; i < this.waiting.size(); i++) {
            positions.put(this.waiting.get(i).id(), i + 1);
        }
    }

    /** The waiting conversations, longest-waiting first. */
    public List<Conversation> waiting() {
        return waiting;
    }

    public int agentsOnline() {
        return agentsOnline;
    }

    /** A conversation waiting at this moment; empty when it was not queued. */
    public Optional<Conversation> find(String conversationId) {
        Integer position = positions.get(conversationId);
        return position == null ? Optional.empty() : Optional.of(waiting.get(position - 1));
    }

    /** Where a conversation stands; empty when it was not queued at this moment. */
    public Optional<QueueStatus> statusOf(String conversationId) {
        Integer position = positions.get(conversationId);
        return position == null ? Optional.empty() : Optional.of(status.status(position, agentsOnline));
    }
}
