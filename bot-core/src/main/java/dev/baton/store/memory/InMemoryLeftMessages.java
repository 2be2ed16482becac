package dev.baton.store.memory;

import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.LeftMessages;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Left messages in this node's memory. */
public final class InMemoryLeftMessages implements LeftMessages {

    private final List<LeftMessage> messages = new CopyOnWriteArrayList<>();

    @Override
    public Mono<LeftMessage> save(LeftMessage message) {
        return Mono.fromCallable(() -> {
            messages.add(message);
            return message;
        });
    }

    @Override
    public Flux<LeftMessage> all() {
        return Flux.defer(() -> Flux.fromIterable(messages));
    }
}
