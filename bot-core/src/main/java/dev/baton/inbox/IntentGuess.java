package dev.baton.inbox;

/** One of the bot's best guesses for a message, with the classifier's confidence in [0, 1]. */
public record IntentGuess(String intent, double confidence) {
}
