package dev.baton.training;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to what the bot knows, as the audit log keeps it.
 *
 * @param subject the intent or version it is about (e.g. {@code returns}, {@code version 4})
 * @param detail  what changed, in words
 */
public record AuditEntry(Instant at, String who, TrainerAction action, String subject, String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
    }
}
