package dev.baton.app.config;

import dev.baton.engine.LiveKnowledge;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.nlu.IntentModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the intent database at start-up and trains the first model; a broken database stops start-up. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    @Bean
    LiveKnowledge liveKnowledge(BatonProperties properties) {
        return LiveKnowledge.start(IntentDatabaseLoader.load(properties.intents()),
                intents -> IntentModel.train(intents, properties.defaultLanguage()));
    }
}
