package dev.baton.feedback;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Visitors' ratings of the bot's answers, kept with each answer (one per answer) and counted per intent: in memory on
 * one node, in Redis across many. Each answer's rating is kept as long as resolved conversations are; the counts per
 * intent are kept for good.
 */
public interface AnswerRatings {

    /**
     * Keeps the rating unless its answer was rated before, by anyone on any node; emits whether it was kept (and
     * counted).
     */
    Mono<Boolean> rate(AnswerRating rating);

    /**
     * Forgets which of the conversation's answers were rated and how (a visitor's right to erasure); the counts per
     * intent stay, as they say nothing of whom they came from.
     */
    Mono<Void> forget(String conversationId);

    /** The counts of every intent rated at least once, in no particular order. */
    Flux<IntentHelpfulness> perIntent();
}
