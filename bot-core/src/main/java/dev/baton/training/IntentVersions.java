package dev.baton.training;

import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Every version of the intent database the installation published, with its files, kept in the store (in memory,
 * or in Redis for many nodes) so that any version can be read, compared with another and published again.
 */
public interface IntentVersions {

    /**
     * Adds a version, numbered one after the last; emits it. {@code info.number()} is ignored.
     */
    Mono<VersionInfo> add(VersionInfo info, List<IntentSource> files);

    /**
     * Adds the first version, unless there is one already (a node started before, or another starts at once); emits
     * it when added, else completes empty.
     */
    Mono<VersionInfo> addFirst(VersionInfo info, List<IntentSource> files);

    /** Every version, newest first, without files. */
    Flux<VersionInfo> list();

    /** A version with its files; empty when there is no such version. */
    Mono<IntentVersion> find(int number);
}
