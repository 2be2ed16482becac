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

    /**
     * Forgets the conversation's rating and its comment (a visitor's right to erasure); its agent's counts stay, as they
     * say nothing of whom they came from. Emits whether there was one.
     */
    Mono<Boolean> forget(String conversationId);

    /** The counts of every agent rated at least once, in no particular order. */
    Flux<AgentSatisfaction> perAgent();
}
