package dev.baton.handoff;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Conversations waiting for an agent, first come first served. */
public interface AgentQueue {

    /** Puts the conversation at the back of the queue (no-op if already queued). */
    Mono<Void> enqueue(String conversationId);

    /**
     * Puts the conversation at the front of the queue (no-op if already queued): for a visitor who already
     * waited once and lost their agent, who should not wait at the back again.
     */
    Mono<Void> enqueueFirst(String conversationId);

    /**
     * Takes the conversation out of the queue. Emits {@code true} for exactly one caller when several race
     * for the same conversation — that caller has claimed it — and {@code false} for the others.
     */
    Mono<Boolean> claim(String conversationId);

    /** The waiting conversations' ids, longest-waiting first. */
    Flux<String> waiting();

    /** 1-based position; empty when the conversation is not queued. */
    Mono<Integer> position(String conversationId);
}
