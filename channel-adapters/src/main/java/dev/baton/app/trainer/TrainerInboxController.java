package dev.baton.app.trainer;

import dev.baton.app.trainer.InboxViews.Dismissed;
import dev.baton.app.trainer.InboxViews.GroupView;
import dev.baton.app.trainer.InboxViews.HelpfulnessPage;
import dev.baton.app.trainer.InboxViews.InboxPage;
import dev.baton.app.trainer.InboxViews.IntentHelpfulnessView;
import dev.baton.app.trainer.InboxViews.Problem;
import dev.baton.app.trainer.InboxViews.Refused;
import dev.baton.feedback.AnswerRatings;
import dev.baton.inbox.Inbox;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

    TrainerInboxController(Inbox inbox, AnswerRatings ratings) {
        this.inbox = inbox;
        this.ratings = ratings;
    }

    /** The groups of near-duplicate messages, most frequent first; of one language when {@code language} is given. */
    @GetMapping("/inbox")
    Mono<ResponseEntity<?>> inbox(@RequestParam(required = false) String language, @RequestParam(required = false) String limit) {
        List<Problem> problems = new ArrayList<>();
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            problems.add(new Problem("language", "must be a language code of 2 or 3 lower-case letters, like \"it\""));
        }
        int max = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit);
            } catch (NumberFormatException notANumber) {
                max = 0;
            }
            if (max < 1 || max > MAX_LIMIT) {
                problems.add(new Problem("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        if (!problems.isEmpty()) {
            return Mono.just(ResponseEntity.badRequest().body(new Refused("invalid_request", "the request has problems", problems)));
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

    /** Per intent rated at least once: how many ratings found its answers helpful and not, least helpful first. */
    @GetMapping("/helpfulness")
    Mono<HelpfulnessPage> helpfulness() {
        return ratings.perIntent().map(IntentHelpfulnessView::of)
                .sort(Comparator.comparingDouble(IntentHelpfulnessView::helpfulShare).thenComparing(IntentHelpfulnessView::intent))
                .collectList().map(HelpfulnessPage::new);
    }

    static ResponseEntity<?> unknownGroup(String groupId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Refused("unknown_group",
                "the inbox has no group " + groupId + " (dismissed, handled, or older than the retention)",
                List.of(new Problem("groupId", "no such group"))));
    }
}
