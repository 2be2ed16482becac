package dev.baton.store.memory;

import dev.baton.training.Draft;
import dev.baton.training.Drafts;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicReference;

/** The draft of a one-node installation. */
public final class InMemoryDrafts implements Drafts {

    private final AtomicReference<Draft> draft = new AtomicReference<>();

    @Override
    public Mono<Draft> current() {
        return Mono.fromSupplier(draft::get);
    }

    @Override
    public Mono<Boolean> save(Draft next) {
        return Mono.fromSupplier(() -> {
            Draft stored = draft.get();
            boolean follows = stored == null ? next.revision() == 1
                    : stored.id().equals(next.id()) && stored.revision() == next.revision() - 1;
            return follows && draft.compareAndSet(stored, next);
        });
    }

    @Override
    public Mono<Boolean> remove(String id, long revision) {
        return Mono.fromSupplier(() -> {
            Draft stored = draft.get();
            return stored != null && stored.id().equals(id) && stored.revision() == revision
                    && draft.compareAndSet(stored, null);
        });
    }
}
