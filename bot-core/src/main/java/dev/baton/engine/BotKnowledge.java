package dev.baton.engine;

import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.IntentClassifier;

/**
 * An intent database and the model trained from it, always swapped together so that the bot never
 * answers with one database what another database's model recognised.
 */
public record BotKnowledge(IntentDatabase intents, IntentClassifier classifier) {
}
