package dev.baton.training;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * Who changed what the bot knows, and when: every draft change, publication, rollback, discard and reload. Bounded:
 * it keeps the most recent entries only (a number chosen when it is made), dropping the oldest.
 */
public interface AuditLog {

    int DEFAULT_ENTRIES = 10_000;

    Mono<Void> record(AuditEntry entry);

    /** At most {@code limit} entries, newest first. */
    Flux<AuditEntry> recent(int limit);

    /**
     * Forgets the entries made before {@code cutoff} (the retention's end); emits how many. Any node may call it at
     * any time, several at once: each entry is forgotten once.
     */
    Mono<Integer> forgetBefore(Instant cutoff);

    /** The bound, checked. */
    static int requirePositive(int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("the audit log must keep at least one entry: " + entries);
        }
        return entries;
    }
}
