package dev.baton.app.config;

import dev.baton.engine.BotKnowledge;
import dev.baton.engine.LiveKnowledge;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows in {@code /actuator/health} which intent database this node's bot answers from, and which one the
 * installation publishes as this node last saw it: the two differ while the node adopts a new one, or when it could
 * not learn the published one (its log says why).
 */
@Component("knowledge")
class KnowledgeHealthIndicator implements HealthIndicator {

    private final LiveKnowledge knowledge;

    KnowledgeHealthIndicator(LiveKnowledge knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public Health health() {
        BotKnowledge current = knowledge.get();
        return Health.up()
                .withDetail("intentDatabaseVersion", current.intents().version())
                .withDetail("publishedVersion", knowledge.publishedVersion())
                .withDetail("intents", current.intents().size())
                .withDetail("languages", current.intents().languages())
                .withDetail("confidenceFloor", current.confidenceFloor())
                .build();
    }
}
