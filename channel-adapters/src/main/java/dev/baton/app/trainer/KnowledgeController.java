package dev.baton.app.trainer;

import dev.baton.app.audit.Actors;
import dev.baton.app.config.BatonProperties;
import dev.baton.app.trainer.TrainerDocuments.ErrorDocument;
import dev.baton.app.trainer.TrainerDocuments.ProblemDocument;
import dev.baton.engine.LiveKnowledge;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.intents.InvalidIntentDatabaseException;
import dev.baton.training.TrainerWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.Principal;

/**
 * What the bot answers from, and the reload of the intent files after editing them in git, without restarting
 * anything: the new database is published to every node. A broken database is refused with every problem listed,
 * and every node keeps answering from the old one. A reload is recorded as a new version, with who asked for it.
 */
@RestController
@RequestMapping("/api/trainer")
@Tag(name = "Knowledge", description = "The intent database the bot answers from, and reloading it from the intent files")
class KnowledgeController {

    private final LiveKnowledge knowledge;
    private final TrainerWorkspace workspace;
    private final BatonProperties properties;

    KnowledgeController(LiveKnowledge knowledge, TrainerWorkspace workspace, BatonProperties properties) {
        this.knowledge = knowledge;
        this.workspace = workspace;
        this.properties = properties;
    }

    @GetMapping("/knowledge")
    @Operation(summary = "The intent database this node answers from")
    KnowledgeView knowledge() {
        return KnowledgeView.of(knowledge.get(), knowledge.publishedVersion(), null);
    }

    @PostMapping("/reload")
    @Operation(summary = "Reload the intent files (baton.intents), train, and publish them to every node",
            description = "Replaces the published version with the files' one, whatever was published before.")
    @ApiResponse(responseCode = "200", description = "Every node answers from the files now")
    @ApiResponse(responseCode = "422", description = "The files have problems (every one, with file and line); nothing changed",
            content = @Content(schema = @Schema(implementation = ErrorDocument.class)))
    @ApiResponse(responseCode = "503", description = "Trained but not published; nothing changed",
            content = @Content(schema = @Schema(implementation = ErrorDocument.class)))
    @ApiResponse(responseCode = "500", description = "Training failed; nothing changed",
            content = @Content(schema = @Schema(implementation = ErrorDocument.class)))
    Mono<KnowledgeView> reload(Principal trainer, ServerHttpRequest request) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return workspace.reload(Actors.of(trainer, request), () -> IntentDatabaseLoader.load(properties.intents()))
                    .map(loaded -> KnowledgeView.of(loaded, knowledge.publishedVersion(), (System.nanoTime() - started) / 1_000_000))
                    .onErrorMap(failure -> !(failure instanceof InvalidIntentDatabaseException)
                            && !(failure instanceof LiveKnowledge.NotPublishedException), TrainingFailedException::new);
        });
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ErrorDocument invalid(InvalidIntentDatabaseException invalid) {
        return new ErrorDocument("invalid_intents", "the intent files have problems; the bot keeps answering from "
                + knowledge.get().intents().version(), ProblemDocument.ofFiles(invalid.problems()));
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ErrorDocument notPublished(LiveKnowledge.NotPublishedException unpublished) {
        return new ErrorDocument("not_published", unpublished.getMessage());
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    ErrorDocument trainingFailed(TrainingFailedException failed) {
        return new ErrorDocument("training_failed", "training failed (" + failed.getCause().getMessage()
                + "); the bot keeps answering from " + knowledge.get().intents().version());
    }

    /** Anything else a reload can fail with happened while training. */
    private static final class TrainingFailedException extends RuntimeException {
        TrainingFailedException(Throwable cause) {
            super(cause);
        }
    }
}
