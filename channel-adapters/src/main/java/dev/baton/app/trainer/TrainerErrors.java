package dev.baton.app.trainer;

import dev.baton.app.http.InputProblems;
import dev.baton.app.trainer.TrainerDocuments.ErrorDocument;
import dev.baton.app.trainer.TrainerDocuments.ProblemDocument;
import dev.baton.engine.LiveKnowledge;
import dev.baton.intents.InvalidIntentDatabaseException;
import dev.baton.intents.rasa.UnreadableRasaFilesException;
import dev.baton.training.ConcurrentChangesException;
import dev.baton.training.DraftHasProblemsException;
import dev.baton.training.NothingToPublishException;
import dev.baton.training.UnknownIntentException;
import dev.baton.training.UnknownVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

import java.util.concurrent.RejectedExecutionException;

/** How the trainer API refuses: a status, an error code and a sentence; a draft's problems with their fields. */
@RestControllerAdvice(assignableTypes = {DraftController.class, VersionsController.class, FilesController.class,
        TrainerInboxController.class})
class TrainerErrors {

    private static final Logger log = LoggerFactory.getLogger(TrainerErrors.class);

    @ExceptionHandler
    ResponseEntity<ErrorDocument> draftHasProblems(DraftHasProblemsException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new ErrorDocument("draft_has_problems",
                e.getMessage() + "; nothing was published", ProblemDocument.of(e.problems())));
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> invalidIntents(InvalidIntentDatabaseException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new ErrorDocument("invalid_intents",
                "the intent files have problems; nothing changed", ProblemDocument.ofFiles(e.problems())));
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> unreadableRasaFiles(UnreadableRasaFilesException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new ErrorDocument("unreadable_rasa_files",
                "the Rasa files cannot be read; nothing was imported", ProblemDocument.ofFiles(e.problems())));
    }

    @ExceptionHandler({UnknownIntentException.class, UnknownVersionException.class, FilesController.UnknownFileException.class})
    ResponseEntity<ErrorDocument> notFound(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorDocument("not_found", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> nothingToPublish(NothingToPublishException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorDocument("nothing_to_publish", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> concurrentChanges(ConcurrentChangesException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorDocument("concurrent_changes", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(new ErrorDocument("bad_request", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> unreadableRequest(ServerWebInputException e) {
        return ResponseEntity.badRequest().body(new ErrorDocument("bad_request", InputProblems.reason(e)));
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> notPublished(LiveKnowledge.NotPublishedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ErrorDocument("not_published", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> busy(RejectedExecutionException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ErrorDocument("busy",
                "models of other drafts are being trained; try again in a moment"));
    }

    @ExceptionHandler
    ResponseEntity<ErrorDocument> failed(RuntimeException e) {
        log.warn("trainer request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ErrorDocument("failed",
                e.getMessage() + "; the bot keeps answering from what it answered before"));
    }
}
