package dev.baton.dialogue;

/**
 * The thresholds of the decision policy, all configurable.
 *
 * @param confidenceFloor        the best intent must reach this confidence to be answered
 * @param ambiguityMargin        ...and lead the runner-up by at least this much; closer than that, the bot asks
 * @param clarifyFloor           below this, the best intent is too weak even to be offered as a choice
 * @param maxConsecutiveFailures not understanding this many messages in a row hands off
 * @param maxClarifyOptions      how many intents a "did you mean…" offers at most
 * @param humanRequestIntent     the intent that means "I want a person" (answering it is handing off)
 */
public record PolicySettings(double confidenceFloor,
                             double ambiguityMargin,
                             double clarifyFloor,
                             int maxConsecutiveFailures,
                             int maxClarifyOptions,
                             String humanRequestIntent) {

    /**
     * The running bot's settings when nothing is configured (application.yml), except the confidence floor, which the
     * bot calibrates for each model ({@link #withConfidenceFloor}).
     */
    public static final PolicySettings DEFAULTS = new PolicySettings(0.5, 0.05, 0.2, 2, 3, "talk_to_human");

    public PolicySettings {
        requireUnit(confidenceFloor, "confidenceFloor");
        requireUnit(ambiguityMargin, "ambiguityMargin");
        requireUnit(clarifyFloor, "clarifyFloor");
        if (clarifyFloor > confidenceFloor) {
            throw new IllegalArgumentException("clarifyFloor must not exceed confidenceFloor");
        }
        if (maxConsecutiveFailures < 1 || maxClarifyOptions < 2) {
            throw new IllegalArgumentException("maxConsecutiveFailures must be >= 1 and maxClarifyOptions >= 2");
        }
    }

    /** These settings with another confidence floor (e.g. one calibrated for a model); the clarify floor stays below it. */
    public PolicySettings withConfidenceFloor(double floor) {
        return new PolicySettings(floor, ambiguityMargin, Math.min(clarifyFloor, floor), maxConsecutiveFailures,
                maxClarifyOptions, humanRequestIntent);
    }

    private static void requireUnit(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }
}
