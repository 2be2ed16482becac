package dev.baton.app.trainer;

import dev.baton.app.audit.Actors;
import dev.baton.audit.Actor;
import dev.baton.app.trainer.TrainerDocuments.DiscardedDocument;
import dev.baton.app.trainer.TrainerDocuments.DraftDocument;
import dev.baton.app.trainer.TrainerDocuments.EvaluationDocument;
import dev.baton.app.trainer.TrainerDocuments.SandboxDocument;
import dev.baton.app.trainer.TrainerDocuments.SandboxRequest;
import dev.baton.app.trainer.TrainerDocuments.ExampleDocument;
import dev.baton.app.trainer.TrainerDocuments.IntentDocument;
import dev.baton.app.trainer.TrainerDocuments.LanguageDocument;
import dev.baton.app.trainer.TrainerDocuments.NoteDocument;
import dev.baton.app.trainer.TrainerDocuments.VersionDocument;
import dev.baton.engine.LiveKnowledge;
import dev.baton.intents.Intent;
import dev.baton.training.Draft;
import dev.baton.training.DraftChange;
import dev.baton.training.TrainerWorkspace;
import dev.baton.training.UnknownIntentException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The draft trainers change before publishing: browse and search its intents, change them, discard or publish it.
 * Every change answers with the whole draft and its problems (a draft with problems is saved, never published).
 */
@RestController
@RequestMapping("/api/trainer")
@Tag(name = "Draft", description = "The shared draft: edit, try in the sandbox, evaluate, publish")
class DraftController {

    /** As long as a visitor's message may be. */
    static final int MAX_SANDBOX_TEXT = 4_000;

    private final TrainerWorkspace workspace;
    private final DraftModels models;
    private final LiveKnowledge knowledge;

    DraftController(TrainerWorkspace workspace, DraftModels models, LiveKnowledge knowledge) {
        this.workspace = workspace;
        this.models = models;
        this.knowledge = knowledge;
    }

    /** The draft's intents (the published ones while no draft is started) whose id or texts contain {@code q}. */
    @GetMapping("/intents")
    @Operation(summary = "The draft's intents (the published ones while no draft is started), searched by id and texts")
    Mono<List<IntentDocument>> intents(@RequestParam(name = "q", required = false) String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return workspace.draft().map(view -> {
            Draft draft = view.draft();
            return draft.intents().stream()
                    .filter(intent -> q.isEmpty() || mentions(intent, q))
                    .map(intent -> IntentDocument.of(intent, draft.fileOf(intent.id()).orElseThrow()))
                    .toList();
        });
    }

    @GetMapping("/intents/{id}")
    @Operation(summary = "One intent of the draft")
    Mono<IntentDocument> intent(@PathVariable String id) {
        return workspace.draft().map(view -> view.draft().find(id)
                .map(intent -> IntentDocument.of(intent, view.draft().fileOf(id).orElseThrow()))
                .orElseThrow(() -> new UnknownIntentException(id)));
    }

    @GetMapping("/draft")
    @Operation(summary = "The draft with its problems and what publishing it would change")
    Mono<DraftDocument> draft() {
        return workspace.draft().map(DraftDocument::of);
    }

    /** Creates or replaces an intent (all its languages); a new one goes into {@code file}, default workspace.yaml. */
    @PutMapping("/draft/intents/{id}")
    @Operation(summary = "Create or replace an intent in the draft")
    Mono<DraftDocument> saveIntent(@PathVariable String id, @RequestBody IntentDocument body, Principal who, ServerHttpRequest request) {
        return change(Actors.of(who, request), new DraftChange.SaveIntent(body.toIntent(id), Optional.ofNullable(body.file())));
    }

    /** Replaces one language of an intent: its title, examples and answers. */
    @PutMapping("/draft/intents/{id}/languages/{language}")
    @Operation(summary = "Replace one language of an intent in the draft")
    Mono<DraftDocument> saveLanguage(@PathVariable String id, @PathVariable String language,
                                     @RequestBody LanguageDocument body, Principal who, ServerHttpRequest request) {
        return change(Actors.of(who, request), new DraftChange.SaveLanguage(id, language, Optional.ofNullable(body.title()),
                body.exampleTexts(), body.answerTexts()));
    }

    @DeleteMapping("/draft/intents/{id}")
    @Operation(summary = "Delete an intent from the draft")
    Mono<DraftDocument> deleteIntent(@PathVariable String id, Principal who, ServerHttpRequest request) {
        return change(Actors.of(who, request), new DraftChange.DeleteIntent(id));
    }

    /** One more example of an intent in a language (the unanswered inbox's "add as example"). */
    @PostMapping("/draft/intents/{id}/examples")
    @Operation(summary = "Add one example to an intent in the draft")
    Mono<DraftDocument> addExample(@PathVariable String id, @RequestBody ExampleDocument body, Principal who, ServerHttpRequest request) {
        if (body.language() == null || body.language().isBlank() || body.text() == null || body.text().isBlank()) {
            return Mono.error(new IllegalArgumentException("give the example's \"language\" and \"text\""));
        }
        return change(Actors.of(who, request), new DraftChange.AddExample(id, body.language().strip(), body.text()));
    }

    /** What the draft's bot would do with a message (its model trained once per draft version, off the event loop). */
    @PostMapping("/draft/sandbox")
    @Operation(summary = "What the draft's bot would do with a message")
    Mono<SandboxDocument> sandbox(@RequestBody SandboxRequest body) {
        if (body.text() == null || body.text().isBlank()) {
            return Mono.error(new IllegalArgumentException("give the message's \"text\""));
        }
        if (body.text().length() > MAX_SANDBOX_TEXT) {
            return Mono.error(new IllegalArgumentException("the text is longer than " + MAX_SANDBOX_TEXT + " characters"));
        }
        Optional<String> language = Optional.ofNullable(body.language()).filter(l -> !l.isBlank());
        return workspace.draftDatabase().flatMap(database -> models.sandbox(database)
                .publishOn(Schedulers.parallel())
                .map(sandbox -> SandboxDocument.of(database.version(), sandbox.reply(body.text(), language))));
    }

    /** The draft against the published database: per language, from cross-validation; and the predictions it changes. */
    @GetMapping("/draft/evaluation")
    @Operation(summary = "The draft against the published database, per language, and the predictions it changes")
    Mono<EvaluationDocument> evaluation() {
        return workspace.draftDatabase().flatMap(database -> models.evaluate(database)
                .map(evaluation -> EvaluationDocument.of(knowledge.get().intents().version(), database.version(), evaluation)));
    }

    @DeleteMapping("/draft")
    @Operation(summary = "Discard the draft")
    Mono<DiscardedDocument> discard(Principal who, ServerHttpRequest request) {
        return workspace.discard(Actors.of(who, request)).map(DiscardedDocument::new);
    }

    /** Publishes the draft as a new version every node answers from; refused, with its problems, when it has any. */
    @PostMapping("/draft/publish")
    @Operation(summary = "Publish the draft as a new version every node answers from (refused while it has problems)")
    Mono<VersionDocument> publish(@RequestBody(required = false) NoteDocument body, Principal who, ServerHttpRequest request) {
        return workspace.publish(Actors.of(who, request), body == null ? "" : body.text()).map(VersionDocument::of);
    }

    private Mono<DraftDocument> change(Actor who, DraftChange change) {
        return workspace.change(who, change).map(DraftDocument::of);
    }

    private static boolean mentions(Intent intent, String q) {
        return intent.id().contains(q)
                || intent.titles().values().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(q))
                || intent.examples().values().stream().flatMap(List::stream).anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(q))
                || intent.answers().values().stream().flatMap(List::stream).anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(q));
    }
}
