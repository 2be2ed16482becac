package dev.baton.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which entries of the audit log to read, newest first. A page of a period: pages that follow one another keep the
 * same {@code until} (say, when the first was read), so that entries recorded meanwhile do not move them along.
 *
 * @param since   only entries made at or after it
 * @param until   only entries made before it
 * @param who     only this user's
 * @param actions only these actions' ({@link AuditAction#code()}); all when empty
 * @param skip    leave out the first this many of those selected (the pages before)
 * @param limit   at most this many
 */
public record AuditQuery(Optional<Instant> since, Optional<Instant> until, Optional<String> who, Set<String> actions,
                         int skip, int limit) {

    public AuditQuery {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(who, "who");
        actions = Set.copyOf(actions);
        if (skip < 0) {
            throw new IllegalArgumentException("an audit query cannot skip fewer than 0 entries: " + skip);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("an audit query needs a limit of at least 1: " + limit);
        }
    }

    /** The latest {@code limit} entries. */
    public static AuditQuery latest(int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), 0, limit);
    }

    /** The latest {@code limit} entries of these actions. */
    public static AuditQuery latestOf(Collection<? extends AuditAction> actions, int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Set.copyOf(actions.stream().map(AuditAction::code).toList()), 0, limit);
    }

    /** Whether {@code entry} is one to read; entries before {@link #since} end the reading (they are older still). */
    public boolean selects(AuditEntry entry) {
        return until.map(entry.at()::isBefore).orElse(true)
                && who.map(entry.who()::equals).orElse(true) && (actions.isEmpty() || actions.contains(entry.action()));
    }

    /** Whether {@code entry} is recent enough; the log is read newest first, so the first that is not ends it. */
    public boolean recentEnough(AuditEntry entry) {
        return since.map(s -> !entry.at().isBefore(s)).orElse(true);
    }
}
