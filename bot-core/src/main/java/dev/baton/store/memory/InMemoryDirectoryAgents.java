package dev.baton.store.memory;

import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.DirectoryAgents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The directory's agents known to a one-node installation, by username; gone on restart, until each signs in again. */
public final class InMemoryDirectoryAgents implements DirectoryAgents {

    private record Enrolled(AgentRoster.Member agent, Instant signedInAt) {
    }

    private final NavigableMap<String, Enrolled> byUsername = new ConcurrentSkipListMap<>();

    @Override
    public Mono<Void> enrol(AgentRoster.Member agent, Instant signedInAt) {
        return Mono.fromRunnable(() -> byUsername.put(agent.username(), new Enrolled(agent, signedInAt)));
    }

    @Override
    public Mono<Void> withdraw(String username) {
        return Mono.fromRunnable(() -> byUsername.remove(username));
    }

    @Override
    public Mono<AgentRoster.Member> find(String username) {
        return Mono.fromSupplier(() -> byUsername.get(username)).map(Enrolled::agent);
    }

    @Override
    public Flux<AgentRoster.Member> all() {
        return Flux.defer(() -> Flux.fromIterable(byUsername.values().stream().map(Enrolled::agent).toList()));
    }

    @Override
    public Mono<Integer> forgetSignedInBefore(Instant cutoff) {
        return Mono.fromSupplier(() -> {
            int forgotten = 0;
            for (var entry : byUsername.entrySet()) {
                // Only the entry read: one replaced by a sign-in meanwhile stays.
                if (entry.getValue().signedInAt().isBefore(cutoff) && byUsername.remove(entry.getKey(), entry.getValue())) {
                    forgotten++;
                }
            }
            return forgotten;
        });
    }
}
