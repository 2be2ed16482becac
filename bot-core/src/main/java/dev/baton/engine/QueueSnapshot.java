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
 * The waiting queue at one moment, longest-waiting first, and what each waiting visitor is told about it: their place
 * in their own team's queue (those waiting for the same team, see {@link Handoffs#queueStatus}). Built
 * by {@link Handoffs#snapshot}, so that a visitor's status reads the same whether it comes from a snapshot or from
 * {@link Handoffs#queueStatus} for that visitor alone.
 */
public final class QueueSnapshot {

    private final List<Conversation> waiting;
    private final Map<String, Integer> indexes;
    private final Map<String, Sighting> visitors;
    private final Map<String, Integer> positions;
    private final AgentsOnline agentsOnline;
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
    QueueSnapshot(List<Conversation> waiting, Map<String, Sighting> visitors, Predicate<String> counts, AgentsOnline agentsOnline,
                  StatusRule status) {
        this.waiting = List.copyOf(waiting);
        this.visitors = Map.copyOf(visitors);
        this.agentsOnline = agentsOnline;
        this.status = status;
        this.indexes = new HashMap<>(waiting.size() * 2);
        this.positions = new HashMap<>(waiting.size() * 2);
        Map<Optional<String>, Integer> aheadInTeam = new HashMap<>();
        for (int i = 0; i < this.waiting.size(); i++) {
            Conversation queued = this.waiting.get(i);
            String id = queued.id();
            int ahead = aheadInTeam.getOrDefault(queued.team(), 0);
            indexes.put(id, i);
            positions.put(id, ahead + 1);
            if (counts.test(id)) {
                aheadInTeam.put(queued.team(), ahead + 1);
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

    /** Agents who can come, in all. */
    public int agentsOnline() {
        return agentsOnline.total();
    }

    /** A conversation waiting at this moment; empty when it was not queued. */
    public Optional<Conversation> find(String conversationId) {
        Integer index = indexes.get(conversationId);
        return index == null ? Optional.empty() : Optional.of(waiting.get(index));
    }

    /**
     * Where a conversation stands in its team's queue, counting only the visitors ahead who are still there, and how
     * many of its team can come; empty when it was not queued.
     */
    public Optional<QueueStatus> statusOf(String conversationId) {
        Integer position = positions.get(conversationId);
        return position == null ? Optional.empty()
                : Optional.of(status.status(position, agentsOnline.of(waiting.get(indexes.get(conversationId)).team())));
    }
}
