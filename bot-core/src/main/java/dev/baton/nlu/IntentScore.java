package dev.baton.nlu;

/** One candidate intent with the classifier's confidence in it, in [0, 1]. */
public record IntentScore(String intent, double confidence) {
}
