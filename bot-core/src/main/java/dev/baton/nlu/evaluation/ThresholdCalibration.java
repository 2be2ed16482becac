package dev.baton.nlu.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.ModelSettings;

/**
 * Chooses the confidence threshold below which the bot does not answer automatically.
 *
 * <p>The rule is Larson et al.'s (2019) for CLINC150: the threshold that maximises accuracy when out-of-scope
 * messages count as one more class, i.e. the number of in-scope messages answered with the right intent plus
 * out-of-scope messages left unanswered. Production uses {@link #crossValidated} on the intent database itself.
 */
public final class ThresholdCalibration {

    private ThresholdCalibration() {
    }

    /** Larson et al.'s rule on predictions for labelled messages (validation data, or cross-validation). */
    public static double maximisingAccuracy(List<Prediction> predictions) {
        // Sweeping the confidences from high to low, each message changes the count of right decisions once: an
        // in-scope message with the right intent becomes right when answered, an out-of-scope one becomes wrong.
        List<Prediction> byConfidence = new ArrayList<>(predictions);
        byConfidence.removeIf(p -> !p.answered(0));
        byConfidence.sort(Comparator.comparingDouble(Prediction::confidence).reversed());
        double best = 1;
        long right = predictions.stream().filter(p -> p.rightAt(Double.POSITIVE_INFINITY)).count();
        long bestRight = right;
        for (int i = 0; i < byConfidence.size(); i++) {
            Prediction p = byConfidence.get(i);
            right += p.rightIntent() ? 1 : p.example().inScope() ? 0 : -1;
            boolean lastOfItsConfidence = i + 1 == byConfidence.size()
                    || byConfidence.get(i + 1).confidence() < p.confidence();
            if (lastOfItsConfidence && right > bestRight) {
                bestRight = right;
                best = p.confidence();
            }
        }
        return best;
    }

    /**
     * The lowest threshold at which at least {@code precision} of the automatic answers are right (an answered
     * out-of-scope message is wrong); empty when no threshold reaches it.
     */
    public static OptionalDouble forPrecision(List<Prediction> predictions, double precision) {
        List<Prediction> byConfidence = new ArrayList<>(predictions);
        byConfidence.removeIf(p -> !p.answered(0));
        byConfidence.sort(Comparator.comparingDouble(Prediction::confidence).reversed());
        OptionalDouble lowest = OptionalDouble.empty();
        int right = 0;
        for (int i = 0; i < byConfidence.size(); i++) {
            Prediction p = byConfidence.get(i);
            right += p.rightIntent() ? 1 : 0;
            boolean lastOfItsConfidence = i + 1 == byConfidence.size()
                    || byConfidence.get(i + 1).confidence() < p.confidence();
            if (lastOfItsConfidence && right >= precision * (i + 1)) {
                lowest = OptionalDouble.of(p.confidence());
            }
        }
        return lowest;
    }

    /**
     * The threshold Baton uses in production for a database: Larson et al.'s rule on cross-validated predictions
     * in which each fold also leaves out a share of the intents entirely, so that questions about topics the
     * database does not cover are represented even when the database has no out-of-scope examples.
     *
     * @param folds number of folds, at least 2; each fold leaves out 1/folds of the examples and of the intents
     */
    public static double crossValidated(IntentDatabase database, String defaultLanguage, ModelSettings settings,
                                        int folds) {
        return maximisingAccuracy(CrossValidation.heldOutPredictions(
                ExampleSet.of(database), defaultLanguage, settings, folds, true));
    }
}
