package dev.baton.dialogue;

import dev.baton.conversation.HandoffReason;
import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.IntentScore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides whether the bot answers, asks which intent was meant, admits it did not understand, or hands off.
 * Pure: the same turn always gets the same decision, and the decision says why.
 */
public final class DecisionPolicy {

    private final IntentDatabase intents;
    private final PolicySettings settings;

    public DecisionPolicy(IntentDatabase intents, PolicySettings settings) {
        this.intents = intents;
        this.settings = settings;
    }

    public PolicySettings settings() {
        return settings;
    }

    public Decision decide(Turn turn) {
        if (turn.askedForHuman()) {
            return new Decision.HandOff(HandoffReason.VISITOR_ASKED, "the visitor asked for a person");
        }
        if (turn.mood().upset()) {
            return new Decision.HandOff(HandoffReason.FRUSTRATION,
                    "the visitor seems " + turn.mood().mood().name().toLowerCase(Locale.ROOT)
                            + " (" + String.join(", ", turn.mood().signals()) + ")");
        }
        Optional<Intent> chosen = turn.chosenIntent().flatMap(intents::find);
        if (chosen.isPresent()) {
            return answerOrHandOff(new IntentScore(chosen.get().id(), 1.0), "the visitor chose it");
        }
        Optional<IntentScore> best = turn.classification().best();
        if (best.isEmpty()) {
            return orHandOffAfterRepeatedFailure(turn, new Decision.NotUnderstood("the model knows no intents"));
        }
        if (turn.namesNoTopic() && best.get().confidence() < SURE_OF_A_BARE_WORD) {
            List<IntentScore> options = inScope(turn).limit(settings.maxClarifyOptions()).toList();
            Decision failure = options.size() >= 2
                    ? new Decision.Clarify(options, "the message names no one topic; the likeliest are " + describe(options))
                    : new Decision.NotUnderstood("the message names no one topic");
            return orHandOffAfterRepeatedFailure(turn, failure);
        }
        if (Intent.OUT_OF_SCOPE.equals(best.get().intent())) {
            return orHandOffAfterRepeatedFailure(turn, new Decision.NotUnderstood("the message is about something the "
                    + "database does not cover (" + Intent.OUT_OF_SCOPE + " " + twoDecimals(best.get().confidence()) + ")"));
        }
        double bestConfidence = best.get().confidence();
        double margin = bestConfidence - turn.classification().second().map(IntentScore::confidence).orElse(0.0);
        if (bestConfidence >= settings.confidenceFloor() && margin >= settings.ambiguityMargin()
                && turn.nearestExample().filter(n -> !n.equals(best.get().intent())).isPresent()
                && needsSecondOpinion(bestConfidence)) {
            String nearest = turn.nearestExample().get();
            List<IntentScore> options = inScope(turn)
                    .filter(s -> s.intent().equals(best.get().intent()) || s.intent().equals(nearest))
                    .toList();
            String why = best.get().intent() + " " + twoDecimals(bestConfidence) + " is uncertain and the most similar "
                    + "example is of " + nearest;
            return orHandOffAfterRepeatedFailure(turn, options.size() >= 2
                    ? new Decision.Clarify(options, why)
                    : new Decision.NotUnderstood(why));
        }
        if (bestConfidence >= settings.confidenceFloor() && margin >= settings.ambiguityMargin()) {
            return answerOrHandOff(best.get(), best.get().intent() + " is confident (" + twoDecimals(bestConfidence)
                    + " ≥ " + twoDecimals(settings.confidenceFloor()) + ") and clear (lead " + twoDecimals(margin)
                    + " ≥ " + twoDecimals(settings.ambiguityMargin()) + ")");
        }
        List<IntentScore> options = clarifyOptions(turn);
        if (bestConfidence >= settings.clarifyFloor() && options.size() >= 2) {
            String why = "the best intents are too close to tell apart (" + describe(options) + ")";
            return orHandOffAfterRepeatedFailure(turn, new Decision.Clarify(options, why));
        }
        String why = bestConfidence >= settings.confidenceFloor()
                ? best.get().intent() + " " + twoDecimals(bestConfidence) + " is too close to "
                        + turn.classification().second().map(s -> s.intent() + " " + twoDecimals(s.confidence())).orElse("")
                        + " and there is nothing else to offer"
                : "no intent is confident enough (best " + best.get().intent() + " " + twoDecimals(bestConfidence)
                        + " < " + twoDecimals(settings.confidenceFloor()) + ")";
        return orHandOffAfterRepeatedFailure(turn, new Decision.NotUnderstood(why));
    }

    /**
     * Whether an answer this confident needs the nearest example to agree: below it, the model's answers on the
     * real-wording set were right only about two times in three (docs/classifier.md).
     */
    public static boolean needsSecondOpinion(double confidence) {
        return confidence < UNSURE_BELOW;
    }

    private static final double UNSURE_BELOW = 0.35;

    /**
     * A message of a few words that several intents share is still answered when the model is this sure of one:
     * on the real-wording set, Persian "کی تحویل میدید" ("when do you deliver", 0.75 for delivery times) was asked
     * back for words that occur in other intents' examples too, while the bare topics the rule is for ("order",
     * "payment", "my account") stay well under it.
     */
    private static final double SURE_OF_A_BARE_WORD = 0.7;

    /** Whether the bot answered: asking back and admitting it did not understand are both failures to answer. */
    public static boolean answered(Decision decision) {
        return decision instanceof Decision.Answer;
    }

    private Decision answerOrHandOff(IntentScore score, String why) {
        if (score.intent().equals(settings.humanRequestIntent())) {
            return new Decision.HandOff(HandoffReason.VISITOR_ASKED, "the visitor asked for a person; " + why);
        }
        boolean needsHuman = intents.find(score.intent()).map(Intent::handoff).orElse(false);
        return needsHuman
                ? new Decision.HandOff(HandoffReason.INTENT_REQUIRES_HUMAN, Optional.of(score.intent()),
                        score.intent() + " is always handled by a person; " + why)
                : new Decision.Answer(score, why);
    }

    /** A visitor the bot could not answer this many times in a row gets a person rather than another try. */
    private Decision orHandOffAfterRepeatedFailure(Turn turn, Decision failure) {
        int failures = turn.consecutiveFailures() + 1;
        if (failures >= settings.maxConsecutiveFailures()) {
            return new Decision.HandOff(HandoffReason.REPEATED_FAILURE,
                    failure.why() + "; " + failures + " messages in a row not answered");
        }
        return failure;
    }

    /** The leading intents within reach of the best one; a choice between far-apart intents helps nobody. */
    private List<IntentScore> clarifyOptions(Turn turn) {
        List<IntentScore> ranked = inScope(turn).limit(settings.maxClarifyOptions()).toList();
        double best = ranked.get(0).confidence();
        return ranked.stream()
                .filter(s -> s == ranked.get(0)
                        || (s.confidence() >= settings.clarifyFloor() / 2 && best - s.confidence() < 2 * settings.ambiguityMargin()))
                .toList();
    }

    /** The ranked intents the bot could answer: the out-of-scope class is never an option. */
    private static Stream<IntentScore> inScope(Turn turn) {
        return turn.classification().ranked().stream().filter(s -> !Intent.OUT_OF_SCOPE.equals(s.intent()));
    }

    private static String describe(List<IntentScore> options) {
        return String.join(", ", options.stream()
                .map(s -> s.intent() + " " + twoDecimals(s.confidence())).toList());
    }

    /**
     * What {@code String.format("%.2f")} writes of a non-negative number, without its cost: every decision explains
     * itself, and the formatter was 5 % of a busy node's CPU (and {@code BigDecimal}'s decimal expansion still 4 %).
     * Away from a tie, the rounding error of {@code value * 100} cannot change which way it rounds; at a tie only the
     * decimal expansion can tell, so ties (and numbers too large for a long) take the exact path.
     */
    static String twoDecimals(double value) {
        double hundredths = value * 100;
        double floor = Math.floor(hundredths);
        double fraction = hundredths - floor;
        if (Math.abs(fraction - 0.5) < 1e-6 || hundredths >= 1e15) {
            return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        long cents = (long) floor + (fraction > 0.5 ? 1 : 0);
        long part = cents % 100;
        return (cents / 100) + (part < 10 ? ".0" : ".") + part;
    }
}
