package dev.baton.store.memory;

import dev.baton.handoff.AgentPresence;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Agents' open consoles on this node. */
public final class InMemoryAgentPresence implements AgentPresence {

    private final Map<String, Integer> connections = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> connected(String agentUsername) {
        return Mono.fromRunnable(() -> connections.merge(agentUsername, 1, Integer::sum));
    }

    @Override
    public Mono<Void> disconnected(String agentUsername) {
        return Mono.fromRunnable(() -> connections.computeIfPresent(agentUsername, (a, n) -> n > 1 ? n - 1 : null));
    }

    @Override
    public Mono<Integer> onlineCount() {
        return online().map(java.util.Set::size);
    }

    @Override
    public Mono<java.util.Set<String>> online() {
        return Mono.fromCallable(() -> java.util.Set.copyOf(connections.keySet()));
    }
}
