package dev.baton.app.audit;

import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditQuery;
import dev.baton.audit.AuditTrail;
import dev.baton.audit.StaffAction;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Flux;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * The audit log for admins: {@code GET /api/audit?since=2026-01-31T00:00:00Z&actor=alice&action=accepted&limit=100},
 * newest first. Reading it is recorded too.
 */
@RestController
class AuditController {

    /** The most entries one request returns. */
    static final int MAX_LIMIT = 1_000;

    private final AuditLog log;
    private final AuditTrail trail;

    AuditController(AuditLog log, AuditTrail trail) {
        this.log = log;
        this.trail = trail;
    }

    @GetMapping("/api/audit")
    Flux<AuditDocument> audit(@RequestParam(required = false) String since, @RequestParam(required = false) String actor,
                              @RequestParam(required = false) String action,
                              @RequestParam(defaultValue = "100") int limit, Principal admin, ServerHttpRequest request) {
        AuditQuery query = new AuditQuery(Optional.ofNullable(since).map(AuditController::instant),
                Optional.ofNullable(actor).filter(a -> !a.isBlank()),
                action == null || action.isBlank() ? Set.of() : Set.of(action), checked(limit));
        return trail.record(Actors.of(admin, request), StaffAction.AUDIT_READ, "audit log", describe(since, actor, action, limit))
                .thenMany(log.find(query))
                .map(AuditDocument::of);
    }

    private static String describe(String since, String actor, String action, int limit) {
        return "since=" + (since == null ? "" : since) + " actor=" + (actor == null ? "" : actor)
                + " action=" + (action == null ? "" : action) + " limit=" + limit;
    }

    private static Instant instant(String since) {
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be an instant such as 2026-01-31T00:00:00Z: \"" + since + "\"");
        }
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(new ErrorDocument("bad_request", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> unreadableRequest(ServerWebInputException e) {
        return ResponseEntity.badRequest().body(new ErrorDocument("bad_request", e.getReason()));
    }

    record ErrorDocument(String error, String message) {
    }
}
