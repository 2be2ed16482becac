package dev.baton.store.memory;

import dev.baton.conversation.VisitorContext;
import dev.baton.conversation.VisitorContexts;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Visitor contexts in this node's memory, each kept for the retention from when it was told, and at most as many as
 * the in-memory conversation store keeps conversations (re-told ones move to the end, so the oldest are forgotten first
 * as new ones come).
 */
public final class InMemoryVisitorContexts implements VisitorContexts {

    private final Clock clock;
    private final RecentByConversation<VisitorContext> told;

    /** @param capacity at most this many contexts are kept, the least recently told forgotten first */
    public InMemoryVisitorContexts(Clock clock, Duration retention, int capacity) {
        this.clock = clock;
        this.told = new RecentByConversation<>(clock, retention, capacity);
    }

    @Override
    public Mono<Void> remember(String conversationId, VisitorContext context) {
        return Mono.fromRunnable(() -> told.put(conversationId, context, clock.instant()));
    }

    @Override
    public Mono<VisitorContext> of(String conversationId) {
        return Mono.fromCallable(() -> told.get(conversationId));
    }

    @Override
    public Mono<Boolean> forget(String conversationId) {
        return Mono.fromCallable(() -> told.remove(conversationId));
    }
}
