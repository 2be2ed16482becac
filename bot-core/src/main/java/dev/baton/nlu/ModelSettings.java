package dev.baton.nlu;

import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.util.TrainingParameters;

/**
 * How an {@link IntentModel} is trained.
 *
 * @param features   what the model reads from a message
 * @param l2Cost     L2 regularisation: higher spreads the confidence over more intents
 * @param iterations upper bound on L-BFGS iterations
 * @param threads    threads OpenNLP's trainer may use
 */
public record ModelSettings(FeatureSettings features, double l2Cost, int iterations, int threads) {

    public static final ModelSettings DEFAULTS = new ModelSettings(FeatureSettings.DEFAULTS, 0.1, 200,
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));

    public ModelSettings {
        if (!(l2Cost >= 0) || iterations < 1 || threads < 1) {
            throw new IllegalArgumentException("need l2Cost >= 0, iterations >= 1 and threads >= 1");
        }
    }

    TrainingParameters trainingParameters() {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        // OpenNLP's default cutoff (5) would drop every word an intent's handful of examples uses only once.
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        parameters.put(QNTrainer.L1COST_PARAM, 0.0);
        parameters.put(QNTrainer.L2COST_PARAM, l2Cost);
        parameters.put(TrainingParameters.THREADS_PARAM, threads);
        return parameters;
    }
}
