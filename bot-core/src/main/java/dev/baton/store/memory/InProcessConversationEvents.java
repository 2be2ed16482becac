package dev.baton.store.memory;

import dev.baton.conversation.ConversationEvent;
import dev.baton.conversation.ConversationEvents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Conversation events within one node: a multicast sink that drops subscribers who cannot keep up. */
public final class InProcessConversationEvents implements ConversationEvents {

    private final Sinks.Many<ConversationEvent> sink = Sinks.many().multicast().directBestEffort();

    @Override
    public Mono<Void> publish(ConversationEvent event) {
        return Mono.fromRunnable(() -> {
            // Sinks must not be emitted to concurrently and publishers come from many threads. With nobody
            // listening the event is meant to be dropped, so the emit result needs no handling.
            synchronized (sink) {
                sink.tryEmitNext(event);
            }
        });
    }

    @Override
    public Flux<ConversationEvent> observe() {
        return sink.asFlux();
    }
}
