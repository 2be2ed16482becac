package dev.baton.app.trainer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.engine.BotKnowledge;

import java.util.Set;

/**
 * The intent database a node answers from, as a trainer checks it.
 *
 * @param version          the database this node answers from
 * @param publishedVersion the installation's, as this node last saw it; the two differ for a moment after a
 *                         publication on another node
 * @param confidenceFloor  calibrated for this database unless configured
 * @param reloadMillis     how long the reload took; only in the answer to a reload
 */
record KnowledgeView(String version, String publishedVersion, int intents, Set<String> languages,
                     double confidenceFloor, @JsonInclude(JsonInclude.Include.NON_NULL) Long reloadMillis) {

    static KnowledgeView of(BotKnowledge knowledge, String publishedVersion, Long reloadMillis) {
        return new KnowledgeView(knowledge.intents().version(), publishedVersion, knowledge.intents().size(),
                knowledge.intents().languages(), Math.round(knowledge.confidenceFloor() * 1000) / 1000.0, reloadMillis);
    }
}
