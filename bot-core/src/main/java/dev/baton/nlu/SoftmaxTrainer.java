package dev.baton.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.MaxentModel;

/**
 * An OpenNLP event trainer for the same maximum-entropy model as {@code MAXENT}/{@code MAXENT_QN} (a
 * {@link GISModel}: softmax over summed feature weights), fitted by AdaGrad stochastic gradient descent (with
 * label smoothing and optional L2 regularisation) instead of GIS or L-BFGS.
 *
 * <p>Why: on intent data with character n-grams (a few hundred thousand features, 150 intents) L-BFGS needs
 * minutes per model and GIS needs many iterations and has no regularisation; a few AdaGrad epochs reach the same
 * likelihood in seconds. Weights too small to change a ranking are pruned. Deterministic: a seed (training
 * parameter {@value #SEED_PARAM}) orders the examples. Unlike L-BFGS, which can
 * stop early without a word, it refuses to return a model that gets fewer than 80% of its own examples right.
 *
 * <p>Two things make the model generalise better (measured in docs/classifier.md): label smoothing (the target
 * keeps a share of its probability spread over every intent, so the model does not chase certainty on examples it
 * already gets right), and bagging: several short runs over differently shuffled examples, in parallel, whose
 * weights are averaged into one model. Stochastic gradient descent stopped after a few epochs depends on the order
 * of the examples; the average of several orders is less so, and classifying with it costs no more than with one.
 *
 * <p>Selected through {@link opennlp.tools.util.TrainingParameters} with {@code Algorithm} set to this class's name;
 * OpenNLP instantiates it reflectively, hence public with a public no-argument constructor.
 */
public class SoftmaxTrainer extends AbstractEventTrainer {

    public static final String EPOCHS_PARAM = "Epochs";
    public static final String LEARNING_RATE_PARAM = "LearningRate";
    public static final String L2_PARAM = "L2";
    public static final String PRUNE_BELOW_PARAM = "PruneBelow";
    public static final String LABEL_SMOOTHING_PARAM = "LabelSmoothing";
    public static final String BAGS_PARAM = "Bags";
    public static final String SEED_PARAM = "Seed";

    /** Where {@link #doTrain} reports the share of examples the model got right in its last pass. */
    public static final String TRAINING_ACCURACY_REPORT = "Training-Accuracy";

    /** A model that cannot even reproduce this share of its own examples has not converged. */
    private static final double MIN_TRAINING_ACCURACY = 0.8;
    private static final float ADAGRAD_EPSILON = 1e-6f;
    private static final float NEGLIGIBLE = 1e-4f;

    @Override
    public boolean isSortAndMerge() {
        return true;
    }

    @Override
    public MaxentModel doTrain(DataIndexer indexer) {
        ModelSettings defaults = ModelSettings.DEFAULTS;
        Optimisation optimisation = new Optimisation(
                trainingParameters.getIntParameter(EPOCHS_PARAM, defaults.epochs()),
                (float) trainingParameters.getDoubleParameter(LEARNING_RATE_PARAM, defaults.learningRate()),
                (float) trainingParameters.getDoubleParameter(L2_PARAM, defaults.l2()),
                (float) trainingParameters.getDoubleParameter(LABEL_SMOOTHING_PARAM, defaults.labelSmoothing()));
        int bags = trainingParameters.getIntParameter(BAGS_PARAM, defaults.bags());
        long seed = Long.parseLong(trainingParameters.getStringParameter(SEED_PARAM, Long.toString(defaults.seed())));
        double pruneBelow = trainingParameters.getDoubleParameter(PRUNE_BELOW_PARAM, defaults.pruneBelow());

        // Bags are independent (each has its own weights and shuffle), so they train in parallel; the sum is
        // taken in bag order, so the model does not depend on which finished first.
        long[] bagSeeds = new Random(seed).longs(bags).toArray();
        List<Bag> trained = IntStream.range(0, bags).parallel()
                .mapToObj(bag -> optimisation.train(indexer, new Random(bagSeeds[bag])))
                .toList();
        float[] weights = new float[trained.get(0).weights().length];
        long right = 0;
        for (Bag bag : trained) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] += bag.weights()[i] / bags;
            }
            right += bag.rightInLastEpoch();
        }
        double trainingAccuracy = (double) right / ((long) bags * indexer.getContexts().length);
        addToReport(TRAINING_ACCURACY_REPORT, Double.toString(trainingAccuracy));
        if (trainingAccuracy < MIN_TRAINING_ACCURACY) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "training did not converge: the model got only %.0f%% of its own examples right in its last pass",
                    100 * trainingAccuracy));
        }
        return prune(weights, indexer.getPredLabels(), indexer.getOutcomeLabels(), pruneBelow);
    }

    /** One bag's weights, and how many examples it got right in its last pass. */
    private record Bag(float[] weights, int rightInLastEpoch) {
    }

    private record Optimisation(int epochs, float learningRate, float l2, float labelSmoothing) {

        Bag train(DataIndexer indexer, Random random) {
            int[][] contexts = indexer.getContexts();
            float[][] values = indexer.getValues();
            int[] outcomes = indexer.getOutcomeList();
            int[] seen = indexer.getNumTimesEventsSeen();
            int outcomeCount = indexer.getOutcomeLabels().length;
            int predicateCount = indexer.getPredLabels().length;
            // Label smoothing: the target is 1 - s + s/K for the example's intent and s/K for each other one.
            float spread = labelSmoothing / outcomeCount;

            float[] weights = new float[predicateCount * outcomeCount];
            float[] squaredGradients = new float[weights.length];
            float[] probabilities = new float[outcomeCount];
            int[] active = new int[outcomeCount];
            int[] order = new int[contexts.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            int rightInLastEpoch = 0;
            for (int epoch = 0; epoch < epochs; epoch++) {
                shuffle(order, random);
                for (int event : order) {
                    int[] context = contexts[event];
                    float[] value = values == null ? null : values[event];
                    softmax(context, value, weights, outcomeCount, probabilities);
                    if (epoch == epochs - 1 && argmax(probabilities) == outcomes[event]) {
                        rightInLastEpoch++;
                    }
                    // Seen more than once: OpenNLP's own indexers merge identical events, ours weighs some examples.
                    float times = seen[event];
                    int gold = outcomes[event];
                    // The gradient of the cross-entropy with respect to each intent's score: probability - target.
                    // Intents whose gradient is negligible are left out, which makes an epoch several times faster
                    // on many intents (without label smoothing, where the model rules most intents out).
                    int activeCount = 0;
                    for (int outcome = 0; outcome < outcomeCount; outcome++) {
                        probabilities[outcome] -= spread + (outcome == gold ? 1 - labelSmoothing : 0);
                        if (Math.abs(probabilities[outcome]) >= NEGLIGIBLE || outcome == gold) {
                            active[activeCount++] = outcome;
                        }
                    }
                    for (int f = 0; f < context.length; f++) {
                        int row = context[f] * outcomeCount;
                        float scale = times * (value == null ? 1f : value[f]);
                        for (int a = 0; a < activeCount; a++) {
                            int at = row + active[a];
                            float gradient = scale * probabilities[active[a]] + l2 * weights[at];
                            squaredGradients[at] += gradient * gradient;
                            weights[at] -= learningRate * gradient
                                    / ((float) Math.sqrt(squaredGradients[at]) + ADAGRAD_EPSILON);
                        }
                    }
                }
            }
            return new Bag(weights, rightInLastEpoch);
        }
    }

    private static void softmax(int[] context, float[] value, float[] weights, int outcomeCount, float[] into) {
        Arrays.fill(into, 0f);
        for (int f = 0; f < context.length; f++) {
            int row = context[f] * outcomeCount;
            float featureValue = value == null ? 1f : value[f];
            for (int outcome = 0; outcome < outcomeCount; outcome++) {
                into[outcome] += featureValue * weights[row + outcome];
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

    /** The model without weights below {@code pruneBelow}, and without the predicates left with no weight at all. */
    private static GISModel prune(float[] weights, String[] predicates, String[] outcomeLabels, double pruneBelow) {
        int outcomeCount = outcomeLabels.length;
        List<Context> contexts = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int[] outcomes = new int[outcomeCount];
        for (int predicate = 0; predicate < predicates.length; predicate++) {
            int row = predicate * outcomeCount;
            int count = 0;
            for (int outcome = 0; outcome < outcomeCount; outcome++) {
                if (Math.abs(weights[row + outcome]) >= pruneBelow) {
                    outcomes[count++] = outcome;
                }
            }
            if (count > 0) {
                double[] parameters = new double[count];
                for (int i = 0; i < count; i++) {
                    parameters[i] = weights[row + outcomes[i]];
                }
                contexts.add(new Context(Arrays.copyOf(outcomes, count), parameters));
                kept.add(predicates[predicate]);
            }
        }
        return new GISModel(contexts.toArray(Context[]::new), kept.toArray(String[]::new), outcomeLabels);
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
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
