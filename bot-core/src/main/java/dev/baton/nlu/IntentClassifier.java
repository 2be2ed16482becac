package dev.baton.nlu;

/**
 * Ranks the intents of a trained model for one message. Implementations are immutable and thread-safe,
 * so one instance serves every conversation at once and a retrained one can be swapped in atomically.
 */
public interface IntentClassifier {

    /**
     * @param text     the visitor's message as typed (normalisation is the classifier's business)
     * @param language the language the message is in, as a code the database uses ({@code en}, {@code it}…)
     */
    Classification classify(String text, String language);
}
