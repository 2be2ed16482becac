package dev.baton.feedback;

/** How visitors rated the answers of one intent: {@code up} found them helpful, {@code down} did not. */
public record IntentHelpfulness(String intent, long up, long down) {

    /** The share of ratings that were helpful, in [0, 1]; 0 without ratings. */
    public double helpfulShare() {
        return up + down == 0 ? 0 : (double) up / (up + down);
    }
}
