package dev.baton.nlu;

import java.util.List;

import opennlp.tools.util.TrainingParameters;

/**
 * How an {@link IntentModel} is trained.
 *
 * @param views            one maximum-entropy model is trained per view (set of features), in parallel, and their
 *                         probabilities are averaged: models that read a message differently err differently
 * @param epochs           passes over the examples, per bag
 * @param learningRate     AdaGrad's step size; larger sharpens the confidences
 * @param l2               L2 regularisation per example
 * @param pruneBelow       weights smaller than this are dropped from the trained model
 * @param labelSmoothing   share of each example's target spread evenly over all intents instead of its own
 * @param bags             models trained on differently shuffled examples whose weights are averaged into one
 * @param outOfScopeWeight how many examples each example of the {@linkplain IntentModel#OUT_OF_SCOPE out-of-scope
 *                         intent} counts for
 * @param seed             shuffles the examples; a different seed gives a different, equally good model
 */
public record ModelSettings(List<FeatureSettings> views, int epochs, double learningRate, double l2, double pruneBelow,
                            double labelSmoothing, int bags, int outOfScopeWeight, long seed) {

    /**
     * One view of words, word bigrams and character 3-5-grams; 4 bags of 4 epochs at learning rate 0.2 with label
     * smoothing 0.2; each out-of-scope example counts 4 times. Measured on CLINC150 (docs/classifier.md): label
     * smoothing and averaging bags each add about half a point of accuracy, the out-of-scope weight about 5 points
     * of out-of-scope recall; a second view (words and character 2-6-grams) gains about 0.2 points of accuracy, less
     * than the spread between training seeds, for twice the classification time and model size.
     */
    public static final ModelSettings DEFAULTS =
            new ModelSettings(List.of(FeatureSettings.DEFAULTS), 4, 0.2, 0, 1e-2, 0.2, 4, 4, 20191103L);

    public ModelSettings {
        views = List.copyOf(views);
        if (views.isEmpty()) {
            throw new IllegalArgumentException("an intent model needs at least one view");
        }
        if (epochs < 1 || !(learningRate > 0) || !(l2 >= 0) || !(pruneBelow >= 0)) {
            throw new IllegalArgumentException("need epochs >= 1, learningRate > 0, l2 >= 0 and pruneBelow >= 0");
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1) || bags < 1 || outOfScopeWeight < 1) {
            throw new IllegalArgumentException("need 0 <= labelSmoothing < 1, bags >= 1 and outOfScopeWeight >= 1");
        }
    }

    public ModelSettings withViews(FeatureSettings... newViews) {
        return new ModelSettings(List.of(newViews), epochs, learningRate, l2, pruneBelow, labelSmoothing, bags,
                outOfScopeWeight, seed);
    }

    public ModelSettings withSeed(long newSeed) {
        return new ModelSettings(views, epochs, learningRate, l2, pruneBelow, labelSmoothing, bags, outOfScopeWeight,
                newSeed);
    }

    TrainingParameters trainingParameters() {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, SoftmaxTrainer.class.getName());
        // OpenNLP's default cutoff (5) would drop every word an intent's handful of examples uses only once; our
        // EventIndex keeps every feature anyway, but the parameter documents the choice wherever it is reported.
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        parameters.put(SoftmaxTrainer.EPOCHS_PARAM, epochs);
        parameters.put(SoftmaxTrainer.LEARNING_RATE_PARAM, learningRate);
        parameters.put(SoftmaxTrainer.L2_PARAM, l2);
        parameters.put(SoftmaxTrainer.PRUNE_BELOW_PARAM, pruneBelow);
        parameters.put(SoftmaxTrainer.LABEL_SMOOTHING_PARAM, labelSmoothing);
        parameters.put(SoftmaxTrainer.BAGS_PARAM, bags);
        // TrainingParameters has no long values; a seed's exact digits survive as a string.
        parameters.put(SoftmaxTrainer.SEED_PARAM, Long.toString(seed));
        return parameters;
    }
}
