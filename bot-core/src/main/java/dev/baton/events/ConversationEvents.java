package dev.baton.events;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The bus conversation events travel on: in-process on one node, through Redis across many. */
public interface ConversationEvents {

    /** Events one subscriber may have waiting before it is failed with an overflow error. */
    int MAX_BUFFERED_EVENTS = 8192;

    Mono<Void> publish(ConversationEvent event);

    /**
     * Every event published from now on, from every node. Hot: events published before subscribing are not
     * replayed (clients catch up from the store with the last message id they saw). A subscriber that is
     * momentarily slow has up to {@link #MAX_BUFFERED_EVENTS} events buffered, never dropped; one that falls
     * further behind misses the later events and, once it has taken the buffered ones, gets an overflow error
     * ({@code reactor.core.Exceptions.isOverflow}), so that a stuck subscriber cannot grow the heap without end.
     */
    Flux<ConversationEvent> observe();
}
