package dev.baton.store.memory;

import dev.baton.conversation.QueueMove;
import dev.baton.handoff.AgentQueue;
import reactor.core.publisher.Flux;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The waiting queue in this node's memory; insertion order is arrival order. Read-only to the world: the
 * {@link InMemoryConversationStore} that owns it moves conversations in and out under its write lock, which is
 * also this queue's lock, so nobody reads a queue that disagrees with the states.
 */
public final class InMemoryAgentQueue implements AgentQueue {

    private final Object lock;
    private final LinkedHashSet<String> waiting = new LinkedHashSet<>();

    InMemoryAgentQueue(Object lock) {
        this.lock = lock;
    }

    @Override
    public Flux<String> waiting() {
        return Flux.defer(() -> Flux.fromIterable(ids()));
    }

    List<String> ids() {
        synchronized (lock) {
            return List.copyOf(waiting);
        }
    }

    boolean contains(String conversationId) {
        synchronized (lock) {
            return waiting.contains(conversationId);
        }
    }

    /** Applies what a transition does to the queue; joining keeps the place of a conversation already queued. */
    void move(String conversationId, QueueMove move) {
        synchronized (lock) {
            switch (move) {
                case BACK -> waiting.add(conversationId);
                case FRONT -> {
                    if (!waiting.contains(conversationId)) {
                        List<String> behind = List.copyOf(waiting);
                        waiting.clear();
                        waiting.add(conversationId);
                        waiting.addAll(behind);
                    }
                }
                case LEAVE -> waiting.remove(conversationId);
                case NONE -> {
                }
            }
        }
    }
}
