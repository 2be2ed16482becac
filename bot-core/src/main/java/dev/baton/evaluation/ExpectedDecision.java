package dev.baton.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.evaluation.LabelledExample;

/**
 * A customer message labelled with what a careful agent would do with it; in JSON Lines (the {@code evaluate} tool):
 * <pre>
 * {"lang": "en", "text": "the teapot arrived cracked", "intent": "damaged_item"}
 * {"lang": "en", "text": "when do i get my stuff", "intent": "order_status", "alsoRight": ["delivery_times"]}
 * {"lang": "it", "text": "ordine", "intent": "unclear"}
 * </pre>
 * {@code intent} is the best thing to do: an intent of the database (answer it; for an intent that always goes to
 * people, hand off), or {@link #OUT_OF_SCOPE} (nothing in the database fits), {@link #UNCLEAR} (too short or
 * ambiguous to answer: ask), {@link #HANDOFF} (get a person). For {@code oos} and {@code unclear}, not answering
 * — clarifying, admitting it was not understood, handing off — is right. {@code alsoRight} lists other outcomes a
 * careful agent would accept: intent ids, {@link #CLARIFY}, {@link #NOT_UNDERSTOOD}, {@link #HANDOFF}.
 *
 * @param message   the text, its language and its label ({@code intent})
 * @param alsoRight other acceptable outcomes
 * @param where     where it was read from (file and line), for error messages
 */
public record ExpectedDecision(LabelledExample message, List<String> alsoRight, String where) {

    public static final String OUT_OF_SCOPE = LabelledExample.OUT_OF_SCOPE;
    public static final String UNCLEAR = "unclear";
    public static final String HANDOFF = "handoff";
    public static final String CLARIFY = "clarify";
    public static final String NOT_UNDERSTOOD = "not_understood";

    private static final Set<String> LABELS = Set.of(OUT_OF_SCOPE, UNCLEAR, HANDOFF);
    private static final Set<String> OUTCOMES = Set.of(CLARIFY, NOT_UNDERSTOOD, HANDOFF);

    public ExpectedDecision {
        Objects.requireNonNull(message, "message");
        alsoRight = List.copyOf(alsoRight);
    }

    /**
     * A labelled message, checked against the database it is judged with.
     *
     * @throws IllegalArgumentException naming {@code where} when the label is neither an intent of {@code intents}
     *                                  nor oos, unclear or handoff, or an {@code alsoRight} outcome is neither an
     *                                  intent nor clarify, not_understood or handoff
     */
    public static ExpectedDecision checked(LabelledExample message, List<String> alsoRight, String where,
                                           IntentDatabase intents) {
        if (!LABELS.contains(message.intent()) && intents.find(message.intent()).isEmpty()) {
            throw new IllegalArgumentException(where + ": \"intent\" is '" + message.intent()
                    + "', which is neither an intent of the database nor oos, unclear or handoff");
        }
        for (String outcome : alsoRight) {
            if (!OUTCOMES.contains(outcome) && intents.find(outcome).isEmpty()) {
                throw new IllegalArgumentException(where + ": \"alsoRight\" has '" + outcome
                        + "', which is neither an intent of the database nor clarify, not_understood or handoff");
            }
        }
        return new ExpectedDecision(message, alsoRight, where);
    }

    /** Whether a careful agent would not answer this message at all. */
    public boolean leftUnanswered() {
        return OUT_OF_SCOPE.equals(message.intent()) || UNCLEAR.equals(message.intent());
    }

    /** Every acceptable outcome: the label and {@code alsoRight}. */
    public List<String> acceptable() {
        List<String> all = new ArrayList<>(alsoRight.size() + 1);
        all.add(message.intent());
        all.addAll(alsoRight);
        return all;
    }
}
