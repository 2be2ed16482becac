package dev.baton.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;

class MaxentWeightsTest {

    /** Three outcomes; "a" and "b" have sparse weights, as OpenNLP stores them; "a" and "c" share a context. */
    private static final GISModel MODEL = new GISModel(
            new Context[] {
                    new Context(new int[] {0, 2}, new double[] {1.5, -0.25}),
                    new Context(new int[] {1}, new double[] {0.75}),
                    new Context(new int[] {0, 2}, new double[] {1.5, -0.25})},
            new String[] {"a", "b", "c"}, new String[] {"x", "y", "z"});

    @Test
    void givesTheProbabilitiesOpenNlpGives() {
        String[] features = {"a", "b", "c", "unknown"};
        float[] values = {0.5f, 2f, 1f, 3f};

        double[] expected = MODEL.eval(features, values);
        double[] actual = probabilities(MaxentWeights.of(MODEL), features, values);

        assertThat(actual).containsExactly(expected, within(1e-6));
    }

    @Test
    void givesTheUniformDistributionWhenNoFeatureIsKnown() {
        double[] actual = probabilities(MaxentWeights.of(MODEL), new String[] {"unknown", "other"}, new float[] {1, 1});

        assertThat(actual).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-9));
    }

    private static double[] probabilities(MaxentWeights weights, String[] features, float[] values) {
        float[] scores = new float[weights.outcomeCount()];
        for (int i = 0; i < features.length; i++) {
            weights.addScores(features[i], values[i], scores);
        }
        return MaxentWeights.softmax(scores);
    }
}
