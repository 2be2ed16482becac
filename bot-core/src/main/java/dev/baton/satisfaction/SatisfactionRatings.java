package dev.baton.satisfaction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Visitors' satisfaction ratings, one per conversation, counted per agent: in memory on one node, in Redis across
 * many. A conversation's rating is kept as long as resolved conversations are; the counts per agent for good.
 */
public interface SatisfactionRatings {

    /**
     * Keeps the rating unless its conversation was rated before, by anyone on any node; emits whether it was kept (and
     * counted).
     */
    Mono<Boolean> rate(SatisfactionRating rating);

    /** The conversation's rating; empty while it has none. */
    Mono<SatisfactionRating> of(String conversationId);

    /** The counts of every agent rated at least once, in no particular order. */
    Flux<AgentSatisfaction> perAgent();
}
