package dev.baton.app.audit;

import dev.baton.app.http.InputProblems;
import dev.baton.audit.AuditAction;
import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditQuery;
import dev.baton.audit.AuditTrail;
import dev.baton.audit.StaffAction;
import dev.baton.training.TrainerAction;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The audit log for admins: {@code GET /api/audit?since=2026-01-31T00:00:00Z&until=2026-02-01T00:00:00Z&actor=alice&action=accepted&offset=0&limit=100},
 * newest first; the next page with the same {@code until} and {@code offset} moved on by {@code limit}. Reading it is
 * recorded too. {@code GET /api/audit/actions} lists the actions there are, to filter by.
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

    /** Every action the log may hold, by code, sorted. */
    static final List<String> ACTIONS = Stream.of(StaffAction.values(), TrainerAction.values())
            .flatMap(Arrays::stream).map(AuditAction::code).sorted().toList();

    @GetMapping("/api/audit")
    Flux<AuditDocument> audit(@RequestParam(required = false) String since, @RequestParam(required = false) String until,
                              @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                              @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit,
                              Principal admin, ServerHttpRequest request) {
        Optional<String> who = Optional.ofNullable(actor).map(String::strip).filter(a -> !a.isEmpty());
        Optional<String> what = Optional.ofNullable(action).map(String::strip).filter(a -> !a.isEmpty());
        if (what.isPresent() && !ACTIONS.contains(what.get())) {
            throw new IllegalArgumentException("action must be one of " + ACTIONS + ": \"" + what.get() + "\"");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        AuditQuery query = new AuditQuery(instant("since", since), instant("until", until), who, what.map(Set::of).orElse(Set.of()),
                offset, limit);
        return trail.record(Actors.of(admin, request), StaffAction.AUDIT_READ, "audit log",
                        "since=" + orEmpty(since) + " until=" + orEmpty(until) + " actor=" + who.orElse("")
                                + " action=" + what.orElse("") + " offset=" + offset + " limit=" + limit)
                .thenMany(log.find(query))
                .map(AuditDocument::of);
    }

    @GetMapping("/api/audit/actions")
    List<String> actions() {
        return ACTIONS;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an instant such as 2026-01-31T00:00:00Z: \"" + value + "\"");
        }
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(new ErrorDocument("bad_request", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> unreadableRequest(ServerWebInputException e) {
        return ResponseEntity.badRequest().body(new ErrorDocument("bad_request", InputProblems.reason(e)));
    }

    record ErrorDocument(String error, String message) {
    }
}
