package dev.baton.training;

import reactor.core.publisher.Mono;

/**
 * Where the installation's one shared draft is kept (in memory, or in Redis so that trainers on any node edit the
 * same draft). Saving is a compare-and-set on the draft's id and revision, so that two trainers changing it at once
 * never lose a change: the one who saves second is told, reads the draft again and applies the change to it.
 */
public interface Drafts {

    /** The draft; empty when none is started. */
    Mono<Draft> current();

    /**
     * Saves {@code next} if it follows what is stored: a first revision when no draft is stored, or the next revision
     * of the stored draft (same id). Emits whether it was saved.
     */
    Mono<Boolean> save(Draft next);

    /** Removes the draft if it is still this revision of this draft; emits whether it was removed. */
    Mono<Boolean> remove(String id, long revision);
}
