package dev.baton.handoff;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * The agents who sign in through the company's directory (single sign-on) instead of being configured: each is
 * enrolled when they sign in with the {@code AGENT} role, and withdrawn when they sign in without it, or once they have
 * not signed in for the retention ({@link #forgetSignedInBefore}). Kept in the store, so that every node knows them —
 * the roster, the team the console lists, a transfer to them — whichever node they signed in on.
 */
public interface DirectoryAgents {

    /** Adds the agent, or replaces what is kept of them (their name may have changed in the directory), as of {@code signedInAt}. */
    Mono<Void> enrol(AgentRoster.Member agent, Instant signedInAt);

    /** Forgets the agent; nothing happens for one not enrolled. */
    Mono<Void> withdraw(String username);

    /** The agent; empty for one not enrolled. */
    Mono<AgentRoster.Member> find(String username);

    /** Every enrolled agent, by username. */
    Flux<AgentRoster.Member> all();

    /**
     * Forgets the agents whose last sign-in was before {@code cutoff} (people who left, or stopped taking
     * conversations); emits how many. Any node may call it at any time, several at once: an agent who signs in
     * meanwhile stays.
     */
    Mono<Integer> forgetSignedInBefore(Instant cutoff);
}
