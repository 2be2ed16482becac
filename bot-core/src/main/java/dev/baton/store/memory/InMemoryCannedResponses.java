package dev.baton.store.memory;

import dev.baton.canned.CannedResponse;
import dev.baton.canned.CannedResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Canned responses of one node, by key. */
public final class InMemoryCannedResponses implements CannedResponses {

    private final Map<CannedResponse.Key, CannedResponse> responses = new ConcurrentHashMap<>();

    @Override
    public Flux<CannedResponse> availableTo(String username) {
        return Flux.defer(() -> Flux.fromStream(responses.values().stream()
                .filter(r -> r.owner().isEmpty() || r.owner().equals(Optional.of(username)))));
    }

    @Override
    public Mono<Void> save(CannedResponse response) {
        return Mono.fromRunnable(() -> responses.put(response.key(), response));
    }

    @Override
    public Mono<Boolean> saveIfAbsent(CannedResponse response) {
        return Mono.fromCallable(() -> responses.putIfAbsent(response.key(), response) == null);
    }

    @Override
    public Mono<Boolean> delete(CannedResponse.Key key) {
        return Mono.fromCallable(() -> responses.remove(key) != null);
    }
}
