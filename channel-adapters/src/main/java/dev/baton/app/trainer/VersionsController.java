package dev.baton.app.trainer;

import dev.baton.app.trainer.TrainerDocuments.AuditDocument;
import dev.baton.app.trainer.TrainerDocuments.DiffDocument;
import dev.baton.app.trainer.TrainerDocuments.NoteDocument;
import dev.baton.app.trainer.TrainerDocuments.VersionDiffDocument;
import dev.baton.app.trainer.TrainerDocuments.VersionDocument;
import dev.baton.app.trainer.TrainerDocuments.VersionFilesDocument;
import dev.baton.training.TrainerWorkspace;
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
class VersionsController {

    /** The most audit entries one request returns. */
    static final int MAX_AUDIT_ENTRIES = 1_000;

    private final TrainerWorkspace workspace;

    VersionsController(TrainerWorkspace workspace) {
        this.workspace = workspace;
    }

    /** Every version, newest first. */
    @GetMapping("/versions")
    Flux<VersionDocument> versions() {
        return workspace.versions().map(VersionDocument::of);
    }

    /** A version with its files, exactly as published. */
    @GetMapping("/versions/{number}")
    Mono<VersionFilesDocument> version(@PathVariable int number) {
        return workspace.version(number).map(VersionFilesDocument::of);
    }

    @GetMapping("/versions/{from}/diff/{to}")
    Mono<VersionDiffDocument> diff(@PathVariable int from, @PathVariable int to) {
        return workspace.diff(from, to).map(diff -> new VersionDiffDocument(from, to, DiffDocument.of(diff)));
    }

    /** Publishes an earlier version's files again, as a new version. */
    @PostMapping("/versions/{number}/rollback")
    Mono<VersionDocument> rollBack(@PathVariable int number, @RequestBody(required = false) NoteDocument body, Principal who) {
        return workspace.rollBack(who.getName(), number, body == null ? "" : body.text()).map(VersionDocument::of);
    }

    /** Who changed what the bot knows, newest first. */
    @GetMapping("/audit")
    Flux<AuditDocument> audit(@RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_AUDIT_ENTRIES) {
            return Flux.error(new IllegalArgumentException("limit must be between 1 and " + MAX_AUDIT_ENTRIES));
        }
        return workspace.audit(limit).map(AuditDocument::of);
    }
}
