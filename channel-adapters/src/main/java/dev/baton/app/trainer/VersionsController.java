package dev.baton.app.trainer;

import dev.baton.app.audit.Actors;
import dev.baton.app.audit.AuditDocument;
import dev.baton.app.trainer.TrainerDocuments.DiffDocument;
import dev.baton.app.trainer.TrainerDocuments.NoteDocument;
import dev.baton.app.trainer.TrainerDocuments.VersionDiffDocument;
import dev.baton.app.trainer.TrainerDocuments.VersionDocument;
import dev.baton.app.trainer.TrainerDocuments.VersionFilesDocument;
import dev.baton.training.TrainerWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.security.Principal;

/** The published versions of the intent database: list, read, compare, roll back; and the audit log. */
@RestController
@RequestMapping("/api/trainer")
@Tag(name = "Versions", description = "Published versions, diff, rollback, and the audit log")
class VersionsController {

    /** The most audit entries one request returns. */
    static final int MAX_AUDIT_ENTRIES = 1_000;

    private final TrainerWorkspace workspace;

    VersionsController(TrainerWorkspace workspace) {
        this.workspace = workspace;
    }

    /** Every version, newest first. */
    @GetMapping("/versions")
    @Operation(summary = "Every published version, newest first")
    Flux<VersionDocument> versions() {
        return workspace.versions().map(VersionDocument::of);
    }

    /** A version with its files, exactly as published. */
    @GetMapping("/versions/{number}")
    @Operation(summary = "A version with its files, exactly as published")
    Mono<VersionFilesDocument> version(@PathVariable int number) {
        return workspace.version(number).map(VersionFilesDocument::of);
    }

    @GetMapping("/versions/{from}/diff/{to}")
    @Operation(summary = "What changed from one version to another")
    Mono<VersionDiffDocument> diff(@PathVariable int from, @PathVariable int to) {
        return workspace.diff(from, to).map(diff -> new VersionDiffDocument(from, to, DiffDocument.of(diff)));
    }

    /** Publishes an earlier version's files again, as a new version. */
    @PostMapping("/versions/{number}/rollback")
    @Operation(summary = "Publish an earlier version's files again, as a new version")
    Mono<VersionDocument> rollBack(@PathVariable int number, @RequestBody(required = false) NoteDocument body, Principal who, ServerHttpRequest request) {
        return workspace.rollBack(Actors.of(who, request), number, body == null ? "" : body.text()).map(VersionDocument::of);
    }

    /** Who changed what the bot knows, newest first. */
    @GetMapping("/audit")
    @Operation(summary = "Who changed what the bot knows, newest first")
    Flux<AuditDocument> audit(@RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_AUDIT_ENTRIES) {
            return Flux.error(new IllegalArgumentException("limit must be between 1 and " + MAX_AUDIT_ENTRIES));
        }
        return workspace.audit(limit).map(AuditDocument::of);
    }
}
