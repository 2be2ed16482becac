package dev.baton.channel;

import reactor.core.publisher.Mono;

/**
 * Keys claimed once across every node, remembered for a while: a platform's delivery id, so that a redelivered
 * webhook is handled once; and a message to send, so that of all the nodes that hear of it exactly one sends it.
 */
public interface DeliveryClaims {

    /**
     * Emits true if {@code key} was not claimed (or its claim was released or has expired) and is now this caller's;
     * false if someone, on any node, holds it.
     */
    Mono<Boolean> claim(String key);

    /** Forgets a claim, so that the next {@link #claim} of the key wins: what failed may be tried again. */
    Mono<Void> release(String key);
}
