package dev.baton.engine;

import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.ExampleNeighbours;
import dev.baton.nlu.IntentClassifier;
import dev.baton.nlu.IntentModel;
import dev.baton.nlu.ModelSettings;
import dev.baton.nlu.TopicWords;
import dev.baton.nlu.evaluation.ThresholdCalibration;

import java.util.Optional;

/**
 * An intent database, the model trained from it and the confidence the bot needs to answer from that model,
 * always swapped together so that the bot never answers with one database what another database's model
 * recognised, nor with a threshold calibrated for another model.
 *
 * @param confidenceFloor the best intent's confidence at or above which the bot may answer
 * @param topics          which words of the database point to one intent
 * @param neighbours      the examples, for a second opinion on uncertain messages
 */
public record BotKnowledge(IntentDatabase intents, IntentClassifier classifier, double confidenceFloor, TopicWords topics,
                           ExampleNeighbours neighbours) {

    public BotKnowledge(IntentDatabase intents, IntentClassifier classifier, double confidenceFloor) {
        this(intents, classifier, confidenceFloor, TopicWords.of(intents), ExampleNeighbours.of(intents));
    }

    private static final int CALIBRATION_FOLDS = 5;

    /**
     * What a node learns from a database: the model with the default settings, and the configured confidence floor
     * or, without one, the floor calibrated for this model by cross-validation (docs/classifier.md).
     */
    public static BotKnowledge learn(IntentDatabase intents, String defaultLanguage, Optional<Double> configuredFloor) {
        return learn(intents, defaultLanguage, configuredFloor, CALIBRATION_FOLDS);
    }

    /** {@link #learn(IntentDatabase, String, Optional)} with another number of calibration folds (evaluation). */
    public static BotKnowledge learn(IntentDatabase intents, String defaultLanguage, Optional<Double> configuredFloor,
                                     int calibrationFolds) {
        return new BotKnowledge(intents, IntentModel.train(intents, defaultLanguage, ModelSettings.DEFAULTS),
                configuredFloor.orElseGet(() -> ThresholdCalibration.crossValidated(intents, defaultLanguage,
                        ModelSettings.DEFAULTS, calibrationFolds)));
    }
}
