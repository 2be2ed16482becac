package dev.baton.store.memory;

import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentPublication;
import dev.baton.intents.PublishedIntents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.concurrent.atomic.AtomicReference;

/** The intent database of a one-node installation: publishing it only tells this node. */
public final class InMemoryIntentPublication implements IntentPublication {

    private final AtomicReference<PublishedIntents> published = new AtomicReference<>();
    private final Sinks.Many<String> publications = Sinks.many().multicast().directBestEffort();

    @Override
    public Mono<PublishedIntents> published() {
        return Mono.fromSupplier(published::get);
    }

    @Override
    public Mono<String> publishedVersion() {
        return published().map(PublishedIntents::version);
    }

    @Override
    public Mono<Void> publish(IntentDatabase database) {
        return Mono.fromRunnable(() -> {
            PublishedIntents intents = PublishedIntents.of(database);
            published.set(intents);
            synchronized (publications) {
                // With nobody listening the announcement is meant to be dropped.
                publications.tryEmitNext(intents.version());
            }
        });
    }

    /** Only the latest version is kept for a slow subscriber: an older one would be outdated anyway. */
    @Override
    public Flux<String> observePublications() {
        return publications.asFlux().onBackpressureLatest();
    }
}
