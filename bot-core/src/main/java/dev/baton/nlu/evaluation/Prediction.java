package dev.baton.nlu.evaluation;

import dev.baton.nlu.Classification;
import dev.baton.nlu.IntentScore;

/**
 * What the model made of one labelled message.
 *
 * @param example    the message and its true intent
 * @param predicted  the best in-scope intent, or {@code oos} when the model has an out-of-scope class and it wins
 * @param confidence the best in-scope intent's confidence: the number a threshold is compared with
 */
public record Prediction(LabelledExample example, String predicted, double confidence) {

    public static Prediction of(LabelledExample example, Classification classification) {
        IntentScore best = classification.best().orElseThrow();
        IntentScore bestInScope = classification.ranked().stream()
                .filter(s -> !LabelledExample.OUT_OF_SCOPE.equals(s.intent()))
                .findFirst()
                .orElseThrow();
        boolean outOfScopeWins = LabelledExample.OUT_OF_SCOPE.equals(best.intent());
        return new Prediction(example, outOfScopeWins ? LabelledExample.OUT_OF_SCOPE : bestInScope.intent(),
                bestInScope.confidence());
    }

    /** Whether the bot would answer automatically at this threshold. */
    public boolean answered(double threshold) {
        return !LabelledExample.OUT_OF_SCOPE.equals(predicted) && confidence >= threshold;
    }

    /** Whether the predicted intent is the true one, regardless of any threshold. */
    public boolean rightIntent() {
        return example.inScope() && predicted.equals(example.intent());
    }

    /** Whether the bot does the right thing at this threshold: answers with the right intent, or stays silent on oos. */
    public boolean rightAt(double threshold) {
        return example.inScope() ? answered(threshold) && rightIntent() : !answered(threshold);
    }
}
