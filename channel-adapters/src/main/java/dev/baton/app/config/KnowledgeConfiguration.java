package dev.baton.app.config;

import dev.baton.engine.BotKnowledge;
import dev.baton.engine.LiveKnowledge;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.intents.IntentPublication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * Trains the first model at start-up on the installation's published intent database, or on this node's files when
 * none is published yet (a broken database stops start-up); with the Redis store, follows what other nodes publish.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    /**
     * Without a configured {@code baton.policy.confidence-floor}, each database gets the threshold calibrated for
     * its own model by cross-validation (see docs/classifier.md), recomputed on every reload.
     */
    @Bean(destroyMethod = "close")
    LiveKnowledge liveKnowledge(BatonProperties properties, IntentPublication publication) {
        String language = properties.defaultLanguage();
        Optional<Double> configuredFloor = Optional.ofNullable(properties.policy().confidenceFloor());
        LiveKnowledge knowledge = LiveKnowledge.start(() -> IntentDatabaseLoader.load(properties.intents()),
                intents -> BotKnowledge.learn(intents, language, configuredFloor), publication);
        if (properties.store() == BatonProperties.Store.REDIS) {
            knowledge.follow(properties.redis().intentsCheck());
        }
        return knowledge;
    }
}
