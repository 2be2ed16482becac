package dev.baton.analytics;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * The outcomes of conversations, by when they were recorded: in memory on one node, in Redis across many. Kept as
 * long as resolved conversations are; older ones are forgotten as new ones come.
 */
public interface ConversationOutcomes {

    /** Keeps an outcome (the same outcome recorded twice is kept once). */
    Mono<Void> record(ConversationOutcome outcome);

    /** The outcomes recorded from {@code from} (inclusive) to {@code to} (exclusive), oldest first; empty when none. */
    Flux<ConversationOutcome> between(Instant from, Instant to);
}
