package dev.baton.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;

import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;

class WordGramRowsTest {

    private static final CharNgramFeatures GRAMS = new CharNgramFeatures(3, 5);
    private static final String[] OUTCOMES = {"order_status", "returns", "greeting"};

    /** A model that knows the n-grams of a few words (not of "ordini" nor "xyz"), with arbitrary weights. */
    private static final MaxentWeights WEIGHTS = weightsKnowing("order", "orders", "where", "my", "ordine", "reso");

    @Test
    void givesTheScoresOfEveryDistinctNgramByNameToFloatRounding() {
        List<String[]> messages = List.of(
                new String[] {"where", "is", "my", "order"},
                new String[] {"order", "order", "orders"},
                new String[] {"ordini", "xyz", "ordine"},
                new String[] {"my"},
                new String[] {});
        WordGramRows rows = new WordGramRows(GRAMS, WEIGHTS);

        for (int pass = 0; pass < 2; pass++) { // the second from the remembered words
            for (String[] tokens : messages) {
                float[] remembered = new float[OUTCOMES.length];
                rows.addScores(tokens, remembered);

                assertThat(remembered).as(String.join(" ", tokens)).containsExactly(byName(tokens), within(1e-5f));
            }
        }
    }

    @Test
    void anNgramSharedByTwoWordsCountsOnceAsByName() {
        String[] tokens = {"order", "orders"};
        float[] remembered = new float[OUTCOMES.length];

        new WordGramRows(GRAMS, WEIGHTS).addScores(tokens, remembered);

        assertThat(GRAMS.extractFeatures(tokens, Map.of())).hasSizeLessThan(GRAMS.of("order").size() + GRAMS.of("orders").size());
        assertThat(remembered).containsExactly(byName(tokens), within(1e-5f));
    }

    private static float[] byName(String[] tokens) {
        float[] scores = new float[OUTCOMES.length];
        Collection<String> features = GRAMS.extractFeatures(tokens, Map.of());
        float value = (float) (1 / Math.sqrt(features.size()));
        features.forEach(name -> WEIGHTS.addScores(name, value, scores));
        return scores;
    }

    private static MaxentWeights weightsKnowing(String... words) {
        List<String> names = new ArrayList<>(GRAMS.extractFeatures(words, Map.of()));
        Random random = new Random(7);
        Context[] contexts = new Context[names.size()];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = new Context(new int[] {0, 1, 2},
                    new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()});
        }
        return MaxentWeights.of(new GISModel(contexts, names.toArray(String[]::new), OUTCOMES));
    }
}
