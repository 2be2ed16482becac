package dev.baton.store.memory;

import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import dev.baton.training.IntentVersion;
import dev.baton.training.IntentVersions;
import dev.baton.training.VersionInfo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The published versions of a one-node installation. */
public final class InMemoryIntentVersions implements IntentVersions {

    /** Version n at index n - 1. */
    private final List<IntentVersion> versions = new ArrayList<>();

    @Override
    public Mono<VersionInfo> add(VersionInfo info, List<IntentSource> files) {
        return Mono.fromSupplier(() -> {
            synchronized (versions) {
                return append(info, files);
            }
        });
    }

    @Override
    public Mono<VersionInfo> addFirst(VersionInfo info, List<IntentSource> files) {
        return Mono.fromSupplier(() -> {
            synchronized (versions) {
                return versions.isEmpty() ? append(info, files) : null;
            }
        });
    }

    @Override
    public Flux<VersionInfo> list() {
        return Flux.defer(() -> {
            List<VersionInfo> newestFirst;
            synchronized (versions) {
                newestFirst = new ArrayList<>(versions.stream().map(IntentVersion::info).toList());
            }
            Collections.reverse(newestFirst);
            return Flux.fromIterable(newestFirst);
        });
    }

    @Override
    public Mono<IntentVersion> find(int number) {
        return Mono.fromSupplier(() -> {
            synchronized (versions) {
                return number >= 1 && number <= versions.size() ? versions.get(number - 1) : null;
            }
        });
    }

    private VersionInfo append(VersionInfo info, List<IntentSource> files) {
        VersionInfo numbered = new VersionInfo(versions.size() + 1, info.intentsVersion(), info.action(),
                info.publishedBy(), info.publishedAt(), info.note());
        versions.add(new IntentVersion(numbered, files));
        return numbered;
    }
}
