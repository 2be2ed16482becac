package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.handoff.QueueStatus;
import dev.baton.handoff.Sighting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The waiting queue at one moment, longest-waiting first, and what each waiting visitor is told about it. Built
 * by {@link Handoffs#snapshot}, so that a visitor's status reads the same whether it comes from a snapshot or from
 * {@link Handoffs#queueStatus} for that visitor alone.
 */
public final class QueueSnapshot {

    private final List<Conversation> waiting;
    private final Map<String, Integer> indexes;
    private final Map<String, Sighting> visitors;
    private final Map<String, Integer> positions;
    private final int agentsOnline;
    private final StatusRule status;

    /** How a place in the queue and the agents online become what the visitor is told. */
    @FunctionalInterface
    interface StatusRule {
        QueueStatus status(int position, int agentsOnline);
    }

    /**
     * @param visitors whether each conversation's visitor is online, or when last seen
     * @param counts   whether a conversation's visitor counts for the positions of those behind (is still there)
     */
    QueueSnapshot(List<Conversation> waiting, Map<String, Sighting> visitors, Predicate<String> counts, int agentsOnline,
                  StatusRule status) {
        this.waiting = List.copyOf(waiting);
        this.visitors = Map.copyOf(visitors);
        this.agentsOnline = agentsOnline;
        this.status = status;
        this.indexes = new HashMap<>(waiting.size() * 2);
        this.positions = new HashMap<>(waiting.size() * 2);
        int ahead = 0;
        for (int i = 0; i < this.waiting.size(); i++) {
            String id = this.waiting.get(i).id();
            indexes.put(id, i);
            positions.put(id, ahead + 1);
            if (counts.test(id)) {
                ahead++;
            }
        }
    }

    /** The waiting conversations, longest-waiting first. */
    public List<Conversation> waiting() {
        return waiting;
    }

    /** Whether the conversation's visitor was online, or when last seen, when the queue was read. */
    public Sighting visitor(String conversationId) {
        return visitors.getOrDefault(conversationId, Sighting.never());
    }

    public int agentsOnline() {
        return agentsOnline;
    }

    /** A conversation waiting at this moment; empty when it was not queued. */
    public Optional<Conversation> find(String conversationId) {
        Integer index = indexes.get(conversationId);
        return index == null ? Optional.empty() : Optional.of(waiting.get(index));
    }

    /** Where a conversation stands, counting only the visitors ahead who are still there; empty when it was not queued. */
    public Optional<QueueStatus> statusOf(String conversationId) {
        Integer position = positions.get(conversationId);
        return position == null ? Optional.empty() : Optional.of(status.status(position, agentsOnline));
    }
}
