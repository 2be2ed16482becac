package dev.baton.app.trainer;

import dev.baton.app.audit.Actors;
import dev.baton.audit.Actor;
import dev.baton.app.trainer.InboxViews.Dismissed;
import dev.baton.app.trainer.InboxViews.GroupView;
import dev.baton.app.trainer.InboxViews.HelpfulnessPage;
import dev.baton.app.trainer.InboxViews.InboxPage;
import dev.baton.app.trainer.InboxViews.IntentHelpfulnessView;
import dev.baton.app.trainer.InboxViews.AddToIntent;
import dev.baton.app.trainer.InboxViews.Handled;
import dev.baton.app.trainer.InboxViews.NewIntent;
import dev.baton.app.trainer.TrainerDocuments.DraftDocument;
import dev.baton.app.trainer.TrainerDocuments.ErrorDocument;
import dev.baton.app.trainer.TrainerDocuments.ProblemDocument;
import dev.baton.feedback.AnswerRatings;
import dev.baton.inbox.Inbox;
import dev.baton.inbox.InboxGroup;
import dev.baton.intents.Intent;
import dev.baton.training.DraftChange;
import dev.baton.training.TrainerWorkspace;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The trainers' inbox of messages the bot did not handle well, and how helpful visitors found each intent's answers.
 * Trainers only (the security configuration guards {@code /api/trainer/**}).
 */
@RestController
@RequestMapping("/api/trainer")
class TrainerInboxController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final Inbox inbox;
    private final AnswerRatings ratings;
    private final TrainerWorkspace workspace;

    TrainerInboxController(Inbox inbox, AnswerRatings ratings, TrainerWorkspace workspace) {
        this.inbox = inbox;
        this.ratings = ratings;
        this.workspace = workspace;
    }

    /** The groups of near-duplicate messages, most frequent first; of one language when {@code language} is given. */
    @GetMapping("/inbox")
    Mono<ResponseEntity<?>> inbox(@RequestParam(required = false) String language, @RequestParam(required = false) String limit) {
        List<ProblemDocument> problems = new ArrayList<>();
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            problems.add(ProblemDocument.ofField("language", "must be a language code of 2 or 3 lower-case letters, like \"it\""));
        }
        int max = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit);
            } catch (NumberFormatException notANumber) {
                max = 0;
            }
            if (max < 1 || max > MAX_LIMIT) {
                problems.add(ProblemDocument.ofField("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        if (!problems.isEmpty()) {
            return Mono.just(ResponseEntity.badRequest().body(new ErrorDocument("bad_request", "the request has problems", problems)));
        }
        return inbox.groups(Optional.ofNullable(language), max)
                .map(groups -> ResponseEntity.ok(new InboxPage(groups.stream().map(GroupView::of).toList())));
    }

    /** Removes the group (every wording in it); new messages like it will come back as a new group. */
    @PostMapping("/inbox/{groupId}/dismiss")
    Mono<ResponseEntity<?>> dismiss(@PathVariable String groupId) {
        return inbox.dismiss(groupId)
                .<ResponseEntity<?>>map(group -> ResponseEntity.ok(new Dismissed(GroupView.of(group))))
                .defaultIfEmpty(unknownGroup(groupId));
    }

    /**
     * Adds the group's text to the draft as an example of an existing intent, in the group's language unless another
     * is given, and takes the group out of the inbox. Answers with the group and the draft (with its problems).
     */
    @PostMapping("/inbox/{groupId}/add-to-intent")
    Mono<ResponseEntity<?>> addToIntent(@PathVariable String groupId, @RequestBody AddToIntent body, Principal who, ServerHttpRequest request) {
        List<ProblemDocument> problems = new ArrayList<>();
        if (body.intent() == null || body.intent().isBlank()) {
            problems.add(ProblemDocument.ofField("intent", "give the id of the intent the text is an example of"));
        }
        if (body.language() != null && !LANGUAGE.matcher(body.language()).matches()) {
            problems.add(ProblemDocument.ofField("language", "must be a language code of 2 or 3 lower-case letters, like \"it\""));
        }
        if (!problems.isEmpty()) {
            return Mono.just(ResponseEntity.badRequest().body(new ErrorDocument("bad_request", "the request has problems", problems)));
        }
        return handle(groupId, Actors.of(who, request), group -> new DraftChange.AddExample(body.intent().strip(),
                body.language() == null ? group.language() : body.language(), group.text()));
    }

    /**
     * Starts a new intent in the draft with the group's text as its first example, in the group's language, and takes
     * the group out of the inbox. The new intent has no answer yet: the draft lists that as a problem until one is
     * written. An intent that exists already is refused (409): add the text to it instead.
     */
    @PostMapping("/inbox/{groupId}/new-intent")
    Mono<ResponseEntity<?>> newIntent(@PathVariable String groupId, @RequestBody NewIntent body, Principal who, ServerHttpRequest request) {
        if (body.id() == null || body.id().isBlank()) {
            return Mono.just(ResponseEntity.badRequest().body(new ErrorDocument("bad_request", "the request has problems",
                    List.of(ProblemDocument.ofField("id", "give the new intent's id")))));
        }
        String id = body.id().strip();
        return workspace.draft().flatMap(view -> view.draft().find(id).isPresent()
                ? Mono.just(ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorDocument("intent_exists",
                        "the draft already has the intent " + id + "; add the text to it with add-to-intent",
                        List.of(ProblemDocument.ofField("id", "already an intent")))))
                : handle(groupId, Actors.of(who, request), group -> new DraftChange.SaveIntent(new Intent(id, Map.of(),
                        Map.of(group.language(), List.of(group.text())), Map.of(), List.of(), false), Optional.empty())));
    }

    /** Applies the change the group makes to the draft; the group leaves the inbox only once the draft took it. */
    private Mono<ResponseEntity<?>> handle(String groupId, Actor who, Function<InboxGroup, DraftChange> change) {
        return inbox.find(groupId)
                .flatMap(group -> workspace.change(who, change.apply(group))
                        .flatMap(draft -> inbox.dismiss(group.id()).then(Mono.<ResponseEntity<?>>just(
                                ResponseEntity.ok(new Handled(GroupView.of(group), DraftDocument.of(draft)))))))
                .defaultIfEmpty(unknownGroup(groupId));
    }

    /** Per intent rated at least once: how many ratings found its answers helpful and not, least helpful first. */
    @GetMapping("/helpfulness")
    Mono<HelpfulnessPage> helpfulness() {
        return ratings.perIntent().map(IntentHelpfulnessView::of)
                .sort(Comparator.comparingDouble(IntentHelpfulnessView::helpfulShare).thenComparing(IntentHelpfulnessView::intent))
                .collectList().map(HelpfulnessPage::new);
    }

    static ResponseEntity<?> unknownGroup(String groupId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorDocument("unknown_group",
                "the inbox has no group " + groupId + " (dismissed, handled, or older than the retention)",
                List.of(ProblemDocument.ofField("groupId", "no such group"))));
    }
}
