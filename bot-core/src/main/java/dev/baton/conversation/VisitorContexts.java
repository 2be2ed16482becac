package dev.baton.conversation;

import reactor.core.publisher.Mono;

/**
 * Each conversation's {@link VisitorContext}, the latest the visitor's browser sent: in memory on one node, in Redis
 * across many. Kept as long as conversations are.
 */
public interface VisitorContexts {

    /** Keeps {@code context} for the conversation, in place of what an earlier hello said. */
    Mono<Void> remember(String conversationId, VisitorContext context);

    /** The conversation's context; empty when the visitor's browser never told any (or it was forgotten). */
    Mono<VisitorContext> of(String conversationId);

    /** Erases the conversation's context (the visitor asked for their data to be erased); emits whether there was one. */
    Mono<Boolean> forget(String conversationId);
}
