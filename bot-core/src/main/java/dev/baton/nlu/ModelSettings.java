package dev.baton.nlu;

import java.util.List;

import opennlp.tools.util.TrainingParameters;

/**
 * How an {@link IntentModel} is trained.
 *
 * @param views        one maximum-entropy model is trained per view (set of features), in parallel, and their
 *                     probabilities are averaged: models that read a message differently err differently
 * @param epochs       passes over the examples
 * @param learningRate AdaGrad's step size; larger sharpens the confidences
 * @param l2           L2 regularisation per example
 * @param pruneBelow   weights smaller than this are dropped from the trained model
 */
public record ModelSettings(List<FeatureSettings> views, int epochs, double learningRate, double l2, double pruneBelow) {

    /**
     * One view of words, word bigrams and character 3-5-grams. Measured on CLINC150 (docs/classifier.md): a second
     * view (words and character 2-6-grams) gains about 0.2 points of accuracy, less than the spread between
     * training seeds, for twice the classification time and model size.
     */
    public static final ModelSettings DEFAULTS = new ModelSettings(List.of(FeatureSettings.DEFAULTS), 10, 0.3, 0, 1e-2);

    public ModelSettings {
        views = List.copyOf(views);
        if (views.isEmpty()) {
            throw new IllegalArgumentException("an intent model needs at least one view");
        }
        if (epochs < 1 || !(learningRate > 0) || !(l2 >= 0) || !(pruneBelow >= 0)) {
            throw new IllegalArgumentException("need epochs >= 1, learningRate > 0, l2 >= 0 and pruneBelow >= 0");
        }
    }

    public ModelSettings withViews(FeatureSettings... newViews) {
        return new ModelSettings(List.of(newViews), epochs, learningRate, l2, pruneBelow);
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
        return parameters;
    }
}
