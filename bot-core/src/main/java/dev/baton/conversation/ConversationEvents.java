package dev.baton.conversation;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The bus conversation events travel on: in-process on one node, through Redis across many. */
public interface ConversationEvents {

    Mono<Void> publish(ConversationEvent event);

    /**
     * Every event published from now on, from every node. Hot: events published before subscribing are not
     * replayed (clients catch up from the store with the last message id they saw). A subscriber that is
     * momentarily slow has its events buffered, never dropped.
     */
    Flux<ConversationEvent> observe();
}
