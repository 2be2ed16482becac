package dev.baton.store.memory;

import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditQuery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The audit log of a one-node installation: the most recent entries, up to a bound. */
public final class InMemoryAuditLog implements AuditLog {

    private final int capacity;
    /** Newest first. */
    private final Deque<AuditEntry> entries = new ArrayDeque<>();

    public InMemoryAuditLog(int capacity) {
        this.capacity = AuditLog.requirePositive(capacity);
    }

    @Override
    public Mono<Void> record(AuditEntry entry) {
        return Mono.fromRunnable(() -> {
            synchronized (entries) {
                entries.addFirst(entry);
                if (entries.size() > capacity) {
                    entries.removeLast();
                }
            }
        });
    }

    @Override
    public Mono<Integer> forgetBefore(Instant cutoff) {
        return Mono.fromSupplier(() -> {
            int forgotten = 0;
            synchronized (entries) {
                while (!entries.isEmpty() && entries.peekLast().at().isBefore(cutoff)) {
                    entries.removeLast();
                    forgotten++;
                }
            }
            return forgotten;
        });
    }

    @Override
    public Flux<AuditEntry> find(AuditQuery query) {
        return Flux.defer(() -> {
            List<AuditEntry> found;
            synchronized (entries) {
                found = entries.stream().takeWhile(query::recentEnough).filter(query::selects).skip(query.skip()).limit(query.limit()).toList();
            }
            return Flux.fromIterable(found);
        });
    }
}
