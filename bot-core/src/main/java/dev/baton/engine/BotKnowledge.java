package dev.baton.engine;

import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.IntentClassifier;

/**
 * An intent database, the model trained from it and the confidence the bot needs to answer from that model,
 * always swapped together so that the bot never answers with one database what another database's model
 * recognised, nor with a threshold calibrated for another model.
 *
 * @param confidenceFloor the best intent's confidence at or above which the bot may answer
 */
public record BotKnowledge(IntentDatabase intents, IntentClassifier classifier, double confidenceFloor) {
}
