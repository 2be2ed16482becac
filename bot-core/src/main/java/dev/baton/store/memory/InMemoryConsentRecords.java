package dev.baton.store.memory;

import dev.baton.privacy.Consent;
import dev.baton.privacy.ConsentRecords;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Consents in this node's memory, each kept for the retention from when it was given, and at most as many as the
 * in-memory conversation store keeps conversations; they come in time order, so the oldest are forgotten first as new
 * ones come.
 */
public final class InMemoryConsentRecords implements ConsentRecords {

    private final RecentByConversation<Consent> consents;

    /** @param capacity at most this many consents are kept, the oldest forgotten first */
    public InMemoryConsentRecords(Clock clock, Duration retention, int capacity) {
        this.consents = new RecentByConversation<>(clock, retention, capacity);
    }

    @Override
    public Mono<Consent> record(Consent consent) {
        return Mono.fromCallable(() -> {
            consents.put(consent.conversationId(), consent, consent.at());
            return consent;
        });
    }

    @Override
    public Mono<Consent> of(String conversationId) {
        return Mono.fromCallable(() -> consents.get(conversationId));
    }

    @Override
    public Mono<Boolean> forget(String conversationId) {
        return Mono.fromCallable(() -> consents.remove(conversationId));
    }
}
