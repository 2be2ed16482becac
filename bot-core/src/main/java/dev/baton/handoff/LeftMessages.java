package dev.baton.handoff;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Messages visitors left for the agents, kept until an agent deals with them. */
public interface LeftMessages {

    Mono<LeftMessage> save(LeftMessage message);

    /** All left messages, oldest first. */
    Flux<LeftMessage> all();
}
