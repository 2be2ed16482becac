package dev.baton.store.memory;

import dev.baton.handoff.AgentQueue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashSet;
import java.util.List;

/** The waiting queue in this node's memory; insertion order is arrival order. */
public final class InMemoryAgentQueue implements AgentQueue {

    private final LinkedHashSet<String> waiting = new LinkedHashSet<>();

    @Override
    public Mono<Void> enqueue(String conversationId) {
        return Mono.fromRunnable(() -> {
            synchronized (waiting) {
                waiting.add(conversationId);
            }
        });
    }

    @Override
    public Mono<Void> enqueueFirst(String conversationId) {
        return Mono.fromRunnable(() -> {
            synchronized (waiting) {
                if (!waiting.contains(conversationId)) {
                    List<String> behind = List.copyOf(waiting);
                    waiting.clear();
                    waiting.add(conversationId);
                    waiting.addAll(behind);
                }
            }
        });
    }

    @Override
    public Mono<Boolean> claim(String conversationId) {
        return Mono.fromCallable(() -> {
            synchronized (waiting) {
                return waiting.remove(conversationId);
            }
        });
    }

    @Override
    public Flux<String> waiting() {
        return Flux.defer(() -> {
            synchronized (waiting) {
                return Flux.fromIterable(List.copyOf(waiting));
            }
        });
    }

    @Override
    public Mono<Integer> position(String conversationId) {
        return Mono.fromCallable(() -> {
            synchronized (waiting) {
                int position = 1;
                for (String id : waiting) {
                    if (id.equals(conversationId)) {
                        return position;
                    }
                    position++;
                }
                return null;
            }
        });
    }
}
