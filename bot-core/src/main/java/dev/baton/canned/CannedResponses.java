package dev.baton.canned;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where canned responses live: in memory on one node, in Redis across many. */
public interface CannedResponses {

    /** The shared canned responses and {@code username}'s personal ones, in no particular order. */
    Flux<CannedResponse> availableTo(String username);

    /** Stores {@code response}, replacing the one with the same {@link CannedResponse#key() key}. */
    Mono<Void> save(CannedResponse response);

    /** Stores {@code response} unless one with its key exists (seeding keeps what supervisors changed); true if stored. */
    Mono<Boolean> saveIfAbsent(CannedResponse response);

    /** Removes the canned response with {@code key}; true if there was one. */
    Mono<Boolean> delete(CannedResponse.Key key);
}
