package dev.baton.nlu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class MetricsTest {

    private static Prediction prediction(String expected, String predicted, double confidence) {
        return new Prediction(new LabelledExample("m", expected, "en"), predicted, confidence);
    }

    @Test
    void countsAnInScopeMessageRightOnlyWhenAnsweredWithTheRightIntent() {
        Metrics metrics = Metrics.of(List.of(
                prediction("refund", "refund", 0.9),          // answered, right
                prediction("refund", "refund", 0.3),          // right intent, not answered
                prediction("refund", "order_status", 0.8),    // answered, wrong
                prediction("order_status", "order_status", 0.7),
                prediction("oos", "refund", 0.6),             // answered out-of-scope: a wrong answer
                prediction("oos", "refund", 0.2),
                prediction("oos", "oos", 0.9)), 0.5);         // the out-of-scope class won: not answered

        assertThat(metrics.inScopeAccuracy()).isEqualTo(2.0 / 4);
        assertThat(metrics.top1Accuracy()).isEqualTo(3.0 / 4);
        assertThat(metrics.answeredRate()).isEqualTo(3.0 / 4);
        assertThat(metrics.answeredPrecision()).isEqualTo(2.0 / 4);
        assertThat(metrics.oosRecall()).isEqualTo(2.0 / 3);
        assertThat(metrics.perIntent().get("refund").precision()).isEqualTo(1.0 / 2);
        assertThat(metrics.perIntent().get("refund").recall()).isEqualTo(1.0 / 3);
        assertThat(metrics.perIntent().get("order_status").precision()).isEqualTo(1.0 / 2);
        assertThat(metrics.macroF1()).isCloseTo((0.4 + 2.0 / 3) / 2, within(1e-9));
    }
}
