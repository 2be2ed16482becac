package dev.baton.audit;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * Who did what, when and from where: sign-ins, agents' and supervisors' actions on conversations and canned responses,
 * trainers' changes to what the bot knows, admins' actions. Bounded: it keeps the most recent entries only (a number
 * chosen when it is made), dropping the oldest; {@link #forgetBefore} enforces the retention besides. Record through
 * {@link AuditTrail}.
 */
public interface AuditLog {

    int DEFAULT_ENTRIES = 100_000;

    Mono<Void> record(AuditEntry entry);

    /** The entries {@code query} selects, newest first. */
    Flux<AuditEntry> find(AuditQuery query);

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
