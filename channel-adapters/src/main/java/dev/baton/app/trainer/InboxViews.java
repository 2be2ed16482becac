package dev.baton.app.trainer;

import dev.baton.feedback.IntentHelpfulness;
import dev.baton.inbox.InboxGroup;
import dev.baton.inbox.InboxReason;
import dev.baton.inbox.IntentGuess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The trainer API's documents about the inbox and helpfulness, one record per shape; the README shows them. */
final class InboxViews {

    private InboxViews() {
    }

    /** The inbox, most frequent groups first. */
    record InboxPage(List<GroupView> groups) {
    }

    /**
     * One group of near-duplicate messages.
     *
     * @param id       names the group in {@code dismiss}, {@code add-to-intent} and {@code new-intent}
     * @param reasons  how many of its messages landed here for each reason ({@code not_understood}, {@code clarified},
     *                 {@code handed_off_after_failures}, {@code low_margin}, {@code unhelpful})
     * @param variants the other wordings in the group
     */
    record GroupView(String id, String text, String language, long count, Map<String, Long> reasons, List<GuessView> guesses,
                     List<String> conversationIds, String firstSeen, String lastSeen, List<String> variants) {

        static GroupView of(InboxGroup g) {
            Map<String, Long> reasons = new LinkedHashMap<>();
            for (InboxReason reason : InboxReason.values()) {
                Long n = g.reasons().get(reason);
                if (n != null) {
                    reasons.put(reason.label(), n);
                }
            }
            return new GroupView(g.id(), g.text(), g.language(), g.count(), reasons, g.guesses().stream().map(GuessView::of).toList(),
                    g.conversationIds(), g.firstSeen().toString(), g.lastSeen().toString(), g.variants());
        }
    }

    /** One of the bot's best guesses, its confidence to three decimals. */
    record GuessView(String intent, double confidence) {
        static GuessView of(IntentGuess guess) {
            return new GuessView(guess.intent(), Math.round(guess.confidence() * 1000) / 1000.0);
        }
    }

    /** The group a trainer dismissed. */
    record Dismissed(GroupView dismissed) {
    }

    /** The group a trainer taught the draft, and the draft now. */
    record Handled(GroupView handled, TrainerDocuments.DraftDocument draft) {
    }

    /** Add the group's text as an example of {@code intent}, in {@code language} (default: the group's). */
    record AddToIntent(String intent, String language) {
    }

    /** Start the intent {@code id} in the draft, with the group's text as its first example. */
    record NewIntent(String id) {
    }

    /** Helpfulness per intent, least helpful first. */
    record HelpfulnessPage(List<IntentHelpfulnessView> intents) {
    }

    /** @param helpfulShare {@code up / (up + down)}, to three decimals */
    record IntentHelpfulnessView(String intent, long up, long down, double helpfulShare) {
        static IntentHelpfulnessView of(IntentHelpfulness h) {
            return new IntentHelpfulnessView(h.intent(), h.up(), h.down(), Math.round(h.helpfulShare() * 1000) / 1000.0);
        }
    }
}
