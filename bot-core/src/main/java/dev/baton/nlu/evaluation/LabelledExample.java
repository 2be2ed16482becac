package dev.baton.nlu.evaluation;

import java.util.Objects;

import dev.baton.nlu.IntentModel;

/**
 * One message with the intent it means, as evaluation data has it.
 *
 * @param text     the message
 * @param intent   its intent id; {@link #OUT_OF_SCOPE} when no intent of the database fits
 * @param language its language code
 */
public record LabelledExample(String text, String intent, String language) {

    /** The label of messages the bot should not answer. */
    public static final String OUT_OF_SCOPE = IntentModel.OUT_OF_SCOPE;

    public LabelledExample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(language, "language");
    }

    public boolean inScope() {
        return !OUT_OF_SCOPE.equals(intent);
    }
}
