package dev.baton.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.MaxentModel;

/**
 * An OpenNLP event trainer for the same maximum-entropy model as {@code MAXENT}/{@code MAXENT_QN} (a
 * {@link GISModel}: softmax over summed feature weights), fitted by AdaGrad stochastic gradient descent with L2
 * regularisation instead of GIS or L-BFGS.
 *
 * <p>Why: on intent data with character n-grams (a few hundred thousand features, 150 intents) L-BFGS needs
 * minutes per model and GIS needs many iterations and has no regularisation; a few AdaGrad epochs reach the same
 * likelihood in seconds. Weights too small to change a ranking are pruned, so the saved model stays small and
 * classification reads few parameters. Deterministic: a fixed seed orders the examples.
 *
 * <p>Selected through {@link opennlp.tools.util.TrainingParameters} with {@code Algorithm} set to this class's name;
 * OpenNLP instantiates it reflectively, hence public with a public no-argument constructor.
 */
public class SoftmaxTrainer extends AbstractEventTrainer {

    public static final String EPOCHS_PARAM = "Epochs";
    public static final String LEARNING_RATE_PARAM = "LearningRate";
    public static final String L2_PARAM = "L2";
    public static final String PRUNE_BELOW_PARAM = "PruneBelow";

    private static final long SEED = 20191103L;
    private static final float ADAGRAD_EPSILON = 1e-6f;

    @Override
    public boolean isSortAndMerge() {
        return true;
    }

    @Override
    public MaxentModel doTrain(DataIndexer indexer) {
        int epochs = trainingParameters.getIntParameter(EPOCHS_PARAM, 20);
        float learningRate = (float) trainingParameters.getDoubleParameter(LEARNING_RATE_PARAM, 0.2);
        float l2 = (float) trainingParameters.getDoubleParameter(L2_PARAM, 1e-4);
        double pruneBelow = trainingParameters.getDoubleParameter(PRUNE_BELOW_PARAM, 1e-3);

        int[][] contexts = indexer.getContexts();
        int[] outcomes = indexer.getOutcomeList();
        int[] seen = indexer.getNumTimesEventsSeen();
        int outcomeCount = indexer.getOutcomeLabels().length;
        int predicateCount = indexer.getPredLabels().length;

        float[] weights = new float[predicateCount * outcomeCount];
        float[] squaredGradients = new float[weights.length];
        float[] scores = new float[outcomeCount];
        int[] order = new int[contexts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(SEED);
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int event : order) {
                int[] context = contexts[event];
                softmax(context, weights, outcomeCount, scores);
                // The merged event stands for `seen` identical examples.
                scores[outcomes[event]] -= 1f;
                float times = seen[event];
                for (int predicate : context) {
                    int row = predicate * outcomeCount;
                    for (int outcome = 0; outcome < outcomeCount; outcome++) {
                        int at = row + outcome;
                        float gradient = times * scores[outcome] + l2 * weights[at];
                        squaredGradients[at] += gradient * gradient;
                        weights[at] -= learningRate * gradient / ((float) Math.sqrt(squaredGradients[at]) + ADAGRAD_EPSILON);
                    }
                }
            }
        }
        return new GISModel(prune(weights, predicateCount, outcomeCount, pruneBelow),
                indexer.getPredLabels(), indexer.getOutcomeLabels());
    }

    private static void softmax(int[] context, float[] weights, int outcomeCount, float[] into) {
        java.util.Arrays.fill(into, 0f);
        for (int predicate : context) {
            int row = predicate * outcomeCount;
            for (int outcome = 0; outcome < outcomeCount; outcome++) {
                into[outcome] += weights[row + outcome];
            }
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float score : into) {
            max = Math.max(max, score);
        }
        float sum = 0;
        for (int outcome = 0; outcome < outcomeCount; outcome++) {
            into[outcome] = (float) Math.exp(into[outcome] - max);
            sum += into[outcome];
        }
        for (int outcome = 0; outcome < outcomeCount; outcome++) {
            into[outcome] /= sum;
        }
    }

    private static Context[] prune(float[] weights, int predicateCount, int outcomeCount, double pruneBelow) {
        Context[] pruned = new Context[predicateCount];
        List<Integer> kept = new ArrayList<>();
        for (int predicate = 0; predicate < predicateCount; predicate++) {
            kept.clear();
            int row = predicate * outcomeCount;
            for (int outcome = 0; outcome < outcomeCount; outcome++) {
                if (Math.abs(weights[row + outcome]) >= pruneBelow) {
                    kept.add(outcome);
                }
            }
            int[] keptOutcomes = new int[kept.size()];
            double[] parameters = new double[kept.size()];
            for (int i = 0; i < keptOutcomes.length; i++) {
                keptOutcomes[i] = kept.get(i);
                parameters[i] = weights[row + keptOutcomes[i]];
            }
            pruned[predicate] = new Context(keptOutcomes, parameters);
        }
        return pruned;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
