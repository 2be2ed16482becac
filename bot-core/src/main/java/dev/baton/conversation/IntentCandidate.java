package dev.baton.conversation;

/** An intent the bot considered for the visitor's request, with its confidence in [0, 1]. */
public record IntentCandidate(String intent, String title, double confidence) {
}
