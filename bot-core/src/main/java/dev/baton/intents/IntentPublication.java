package dev.baton.intents;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where an installation keeps the intent database all its nodes answer from, so that a reload on one node reaches
 * every node: in the node's memory with the in-memory store (one node), in Redis with the Redis store.
 */
public interface IntentPublication {

    /** The published database; empty when none has been published yet. */
    Mono<PublishedIntents> published();

    /** Only the published database's version, cheap enough to ask every few seconds; empty when none. */
    Mono<String> publishedVersion();

    /**
     * Makes {@code database} the installation's, replacing any other, and announces its version to every node.
     *
     * @throws IllegalArgumentException when the database has no files (it was built in code)
     */
    Mono<Void> publish(IntentDatabase database);

    /**
     * Hot: the version of every database published from now on, by any node. At most once: a node that is
     * disconnected when a database is published never hears of it, so nodes also ask {@link #publishedVersion()}
     * now and then.
     */
    Flux<String> observePublications();
}
