package dev.baton.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Signing in and out is audited when the store takes the record; when it cannot, the sign-in or sign-out still goes
 * through and the node's log says what was not audited. Nobody is locked out because the audit log is unreachable.
 */
final class BestEffortAudit {

    private static final Logger log = LoggerFactory.getLogger(BestEffortAudit.class);

    private BestEffortAudit() {
    }

    /** @param what what {@code recording} audits, for the log line ("a sign-in") */
    static Mono<Void> of(Mono<Void> recording, String what) {
        return recording.onErrorResume(e -> {
            log.warn("could not audit {}: {}", what, e.toString());
            return Mono.empty();
        });
    }
}
