package dev.baton.limits;

import reactor.core.publisher.Mono;

/**
 * Every subject's buckets: in this node's memory, or in Redis, where every node takes from the same ones. Never
 * waits for a token: an attempt beyond the limit is refused at once, with the time until it would be admitted.
 */
public interface RateLimiter {

    /** Takes one token from {@code subject}'s bucket of {@code limit}, if it has one. */
    Mono<Admission> take(Limit limit, String subject);

    /** Puts back a token taken for an attempt that should not count (a login that succeeded); never above the limit. */
    Mono<Void> giveBack(Limit limit, String subject);

    /** Forgets {@code subject}'s bucket of {@code limit}, which starts full again (a visitor's erasure: keys name them). */
    Mono<Void> forget(Limit limit, String subject);
}
