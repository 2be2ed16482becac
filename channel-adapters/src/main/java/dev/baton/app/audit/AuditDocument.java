package dev.baton.app.audit;

import dev.baton.audit.AuditEntry;

import java.time.Instant;

/** An audit entry as the APIs show it ({@code /api/audit}, {@code /api/trainer/audit}). */
public record AuditDocument(Instant at, String who, String from, String action, String subject, String detail) {

    public static AuditDocument of(AuditEntry entry) {
        return new AuditDocument(entry.at(), entry.who(), entry.from(), entry.action(), entry.subject(), entry.detail());
    }
}
