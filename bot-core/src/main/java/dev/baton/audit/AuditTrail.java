package dev.baton.audit;

import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Objects;

/** The one way to record an action in the {@link AuditLog}: who did it (and from where), what, to what. */
public final class AuditTrail {

    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records that {@code who} did {@code action} to {@code subject}, now. Never pass a message's text or a visitor's
     * personal data as the subject or detail. Fails as the store does.
     */
    public Mono<Void> record(Actor who, AuditAction action, String subject, String detail) {
        return Mono.defer(() -> log.record(new AuditEntry(clock.instant(), who, action, subject, detail)));
    }
}
