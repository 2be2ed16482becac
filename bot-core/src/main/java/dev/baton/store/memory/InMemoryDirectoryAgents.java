package dev.baton.store.memory;

import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.DirectoryAgents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The directory's agents known to a one-node installation, by username; gone on restart, until each signs in again. */
public final class InMemoryDirectoryAgents implements DirectoryAgents {

    private final NavigableMap<String, AgentRoster.Member> byUsername = new ConcurrentSkipListMap<>();

    @Override
    public Mono<Void> enrol(AgentRoster.Member agent) {
        return Mono.fromRunnable(() -> byUsername.put(agent.username(), agent));
    }

    @Override
    public Mono<Void> withdraw(String username) {
        return Mono.fromRunnable(() -> byUsername.remove(username));
    }

    @Override
    public Mono<AgentRoster.Member> find(String username) {
        return Mono.fromSupplier(() -> byUsername.get(username));
    }

    @Override
    public Flux<AgentRoster.Member> all() {
        return Flux.defer(() -> Flux.fromIterable(List.copyOf(byUsername.values())));
    }
}
