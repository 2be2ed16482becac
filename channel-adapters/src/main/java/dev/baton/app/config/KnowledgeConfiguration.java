package dev.baton.app.config;

import dev.baton.engine.BotKnowledge;
import dev.baton.engine.LiveKnowledge;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.nlu.IntentModel;
import dev.baton.nlu.ModelSettings;
import dev.baton.nlu.evaluation.ThresholdCalibration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/** Loads the intent database at start-up and trains the first model; a broken database stops start-up. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    /**
     * Without a configured {@code baton.policy.confidence-floor}, each database gets the threshold calibrated for
     * its own model by cross-validation (see docs/classifier.md), recomputed on every reload.
     */
    @Bean
    LiveKnowledge liveKnowledge(BatonProperties properties) {
        String language = properties.defaultLanguage();
        Optional<Double> configuredFloor = Optional.ofNullable(properties.policy().confidenceFloor());
        return LiveKnowledge.start(IntentDatabaseLoader.load(properties.intents()), intents -> new BotKnowledge(intents,
                IntentModel.train(intents, language, ModelSettings.DEFAULTS),
                configuredFloor.orElseGet(() -> ThresholdCalibration.crossValidated(intents, language, ModelSettings.DEFAULTS, CALIBRATION_FOLDS))));
    }

    private static final int CALIBRATION_FOLDS = 5;
}
