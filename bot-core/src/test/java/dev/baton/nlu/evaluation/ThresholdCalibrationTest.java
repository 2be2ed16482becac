package dev.baton.nlu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.baton.nlu.ModelSettings;
import dev.baton.nlu.SupportDesk;
import org.junit.jupiter.api.Test;

class ThresholdCalibrationTest {

    private static Prediction inScope(String intent, String predicted, double confidence) {
        return new Prediction(new LabelledExample("m", intent, "en"), predicted, confidence);
    }

    private static Prediction outOfScope(double confidence) {
        return new Prediction(new LabelledExample("m", "oos", "en"), "refund", confidence);
    }

    @Test
    void choosesTheThresholdThatMakesTheMostRightDecisionsWithOutOfScopeAsAClass() {
        List<Prediction> predictions = List.of(
                inScope("refund", "refund", 0.9), inScope("refund", "refund", 0.7), inScope("refund", "refund", 0.4),
                outOfScope(0.6), outOfScope(0.5), outOfScope(0.3));

        // At 0.7: 2 in-scope right + 3 out-of-scope unanswered = 5; at 0.4: 3 + 1 = 4; at 0.9: 1 + 3 = 4.
        assertThat(ThresholdCalibration.maximisingAccuracy(predictions)).isEqualTo(0.7);
    }

    @Test
    void answersEverythingWhenThereIsNothingOutOfScopeToRefuse() {
        List<Prediction> predictions = List.of(inScope("refund", "refund", 0.9), inScope("refund", "refund", 0.2),
                inScope("refund", "order_status", 0.1));

        assertThat(ThresholdCalibration.maximisingAccuracy(predictions)).isEqualTo(0.2);
    }

    @Test
    void findsTheLowestThresholdWhoseAnswersAreRightOftenEnough() {
        List<Prediction> predictions = List.of(
                inScope("refund", "refund", 0.9), inScope("refund", "refund", 0.8), outOfScope(0.7),
                inScope("refund", "refund", 0.6), inScope("refund", "order_status", 0.5));

        assertThat(ThresholdCalibration.forPrecision(predictions, 0.75)).hasValue(0.6);
        assertThat(ThresholdCalibration.forPrecision(predictions, 1.0)).hasValue(0.8);
        assertThat(ThresholdCalibration.forPrecision(List.of(outOfScope(0.9)), 0.5)).isEmpty();
    }

    @Test
    void calibratesAProductionThresholdThatRefusesTopicsTheDatabaseDoesNotCover() {
        double threshold = ThresholdCalibration.crossValidated(SupportDesk.DATABASE, "en",
                ModelSettings.DEFAULTS, 3);

        assertThat(threshold).isStrictlyBetween(0.0, 1.0);
    }
}
