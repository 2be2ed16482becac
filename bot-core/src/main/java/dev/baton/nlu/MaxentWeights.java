package dev.baton.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The weights of a trained OpenNLP maximum-entropy model ({@code GISModel}), laid out for classifying one message
 * after another: one row per predicate with its weight for every outcome, all rows in one flat array.
 *
 * <p>Why not {@code GISModel.eval}: it keeps each predicate's weights as a sparse {@link Context} (an array of
 * outcomes and one of weights) and adds them one outcome at a time, then takes {@link StrictMath#exp} of every
 * outcome. With label smoothing nearly every predicate has a weight for nearly every outcome, so adding a dense row
 * of adjacent floats, which the JIT compiles to vector instructions, is faster: a quarter to a third less time for
 * this step on BANKING77 (docs/classifier.md). Classification was a sixth of the live service's CPU time (issue
 * #3). The model itself stays a {@code GISModel}, which is what is trained, saved and loaded; this is derived from
 * it, so a saved and reloaded model classifies identically. Immutable and thread-safe.
 */
final class MaxentWeights {

    private final PredicateRows predicates;
    /** Predicate p's weight for outcome o is {@code weights[p * outcomeCount + o]}. */
    private final float[] weights;
    private final int outcomeCount;

    private MaxentWeights(Map<String, Context> byPredicate, int outcomeCount) {
        this.outcomeCount = outcomeCount;
        List<String> names = new ArrayList<>(byPredicate.size());
        // Trained in float (SoftmaxTrainer), so float loses nothing and halves the memory read per message.
        weights = new float[Math.multiplyExact(byPredicate.size(), outcomeCount)];
        for (Map.Entry<String, Context> entry : byPredicate.entrySet()) {
            int p = names.size();
            names.add(entry.getKey());
            int[] outcomes = entry.getValue().getOutcomes();
            double[] parameters = entry.getValue().getParameters();
            for (int i = 0; i < outcomes.length; i++) {
                weights[p * outcomeCount + outcomes[i]] = (float) parameters[i];
            }
        }
        predicates = new PredicateRows(names);
    }

    /** @param model a {@code GISModel}, as {@link SoftmaxTrainer} trains and OpenNLP loads it */
    @SuppressWarnings("unchecked")
    static MaxentWeights of(MaxentModel model) {
        Map<String, Context> byPredicate = (Map<String, Context>) ((AbstractModel) model).getDataStructures()[1];
        return new MaxentWeights(byPredicate, model.getNumOutcomes());
    }

    int outcomeCount() {
        return outcomeCount;
    }

    /** Adds {@code value} times the predicate's weights to {@code scores}; an unknown predicate adds nothing. */
    void addScores(String predicate, float value, float[] scores) {
        addRow(predicates.rowOf(predicate), value, scores);
    }

    /** The predicate's row, for {@link #addRow}; -1 when it was not trained. */
    int rowOf(String predicate) {
        return predicates.rowOf(predicate);
    }

    /** Adds {@code value} times {@code row} (one weight per outcome, as {@link #addRow} adds) to {@code scores}. */
    void addTo(float[] row, float value, float[] scores) {
        for (int o = 0; o < outcomeCount; o++) {
            scores[o] += value * row[o];
        }
    }

    /** Adds {@code value} times the weights of {@code row} (from {@link #rowOf}) to {@code scores}; -1 adds nothing. */
    void addRow(int row, float value, float[] scores) {
        if (row >= 0) {
            for (int o = 0, at = row * outcomeCount; o < outcomeCount; o++, at++) {
                scores[o] += value * weights[at];
            }
        }
    }

    /** The probabilities of the outcomes given their summed scores. */
    static double[] softmax(float[] scores) {
        double[] probabilities = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            probabilities[i] = scores[i];
        }
        return Softmax.inPlace(probabilities);
    }
}
