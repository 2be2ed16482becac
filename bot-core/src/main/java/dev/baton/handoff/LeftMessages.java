package dev.baton.handoff;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Messages visitors left for the agents, kept for a retention (configurable, 30 days by default) from when they
 * were left, so the store does not grow for ever.
 */
public interface LeftMessages {

    Duration DEFAULT_RETENTION = Duration.ofDays(30);

    Mono<LeftMessage> save(LeftMessage message);

    /** The left messages younger than the retention, oldest first. */
    Flux<LeftMessage> all();

    /** Forgets every message this visitor left (their right to erasure); emits how many. */
    Mono<Integer> forgetVisitor(String visitorId);

    /**
     * Changes one left message in one atomic step, whatever other nodes change meanwhile ({@code change} may be
     * applied again to a newer version). Emits the changed message; empty when no message younger than the
     * retention has this id. An exception {@code change} throws is emitted as the error, and nothing changes.
     */
    Mono<LeftMessage> update(String id, UnaryOperator<LeftMessage> change);

    /** The retention, checked: a store keeps nothing for a non-positive one. */
    static Duration requirePositive(Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the left messages' retention must be positive: " + retention);
        }
        return retention;
    }
}
