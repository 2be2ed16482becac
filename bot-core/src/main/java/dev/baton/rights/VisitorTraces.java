package dev.baton.rights;

import reactor.core.publisher.Mono;

/**
 * Something besides the stores of conversations that names a visitor — the buckets that count their messages against
 * the rate limits, say — and must forget them when they are erased.
 */
@FunctionalInterface
public interface VisitorTraces {

    VisitorTraces NONE = visitorId -> Mono.empty();

    Mono<Void> forget(String visitorId);
}
