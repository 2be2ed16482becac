package dev.baton.handoff;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The agents who sign in through the company's directory (single sign-on) instead of being configured: each is
 * enrolled when they sign in with the {@code AGENT} role, and withdrawn when they sign in without it. Kept in the
 * store, so that every node knows them — the roster, the team the console lists, a transfer to them — whichever node
 * they signed in on.
 */
public interface DirectoryAgents {

    /** Adds the agent, or replaces what is kept of them (their name may have changed in the directory). */
    Mono<Void> enrol(AgentRoster.Member agent);

    /** Forgets the agent; nothing happens for one not enrolled. */
    Mono<Void> withdraw(String username);

    /** The agent; empty for one not enrolled. */
    Mono<AgentRoster.Member> find(String username);

    /** Every enrolled agent, by username. */
    Flux<AgentRoster.Member> all();
}
