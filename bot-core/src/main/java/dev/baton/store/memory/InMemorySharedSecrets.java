package dev.baton.store.memory;

import dev.baton.store.SharedSecrets;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The secrets of a one-node installation: made at first use, gone on restart (with everything else in memory). */
public final class InMemorySharedSecrets implements SharedSecrets {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

    @Override
    public Mono<byte[]> get(String name) {
        return Mono.fromSupplier(() -> secrets.computeIfAbsent(name, n -> {
            byte[] secret = new byte[BYTES];
            random.nextBytes(secret);
            return secret;
        }).clone());
    }
}
