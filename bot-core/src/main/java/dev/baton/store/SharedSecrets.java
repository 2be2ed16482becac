package dev.baton.store;

import reactor.core.publisher.Mono;

/**
 * Random secrets every node of an installation agrees on, each made by whichever node asks for it first and kept
 * for as long as the store lives: what one node signs, every other node can check, with nothing to configure.
 */
public interface SharedSecrets {

    /** At least this many random bytes in every secret. */
    int BYTES = 32;

    /** The secret called {@code name}: the same bytes on every node and at every call. */
    Mono<byte[]> get(String name);
}
