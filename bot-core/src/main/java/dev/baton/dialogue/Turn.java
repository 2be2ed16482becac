package dev.baton.dialogue;

import dev.baton.nlu.Classification;

import java.util.Optional;

/**
 * Everything the policy needs to decide about one visitor message.
 *
 * @param classification      the ranked intents for the message
 * @param chosenIntent        set when the visitor pressed a quick reply naming an intent
 * @param askedForHuman       the visitor asked for a person, in words or with the button
 * @param mood                how the visitor seems to feel
 * @param consecutiveFailures messages in a row the bot did not understand before this one
 * @param namesNoTopic        the message is a word or two that could mean several intents ("order", "my account")
 * @param nearestExample      the intent of the training example most like the message, when the policy may need a
 *                            second opinion ({@link DecisionPolicy#needsSecondOpinion})
 */
public record Turn(Classification classification,
                   Optional<String> chosenIntent,
                   boolean askedForHuman,
                   MoodReading mood,
                   int consecutiveFailures,
                   boolean namesNoTopic,
                   Optional<String> nearestExample) {

    /** A turn whose message says enough to be read by the model alone. */
    public Turn(Classification classification, Optional<String> chosenIntent, boolean askedForHuman, MoodReading mood,
                int consecutiveFailures) {
        this(classification, chosenIntent, askedForHuman, mood, consecutiveFailures, false, Optional.empty());
    }
}
