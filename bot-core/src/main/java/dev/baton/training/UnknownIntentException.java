package dev.baton.training;

/** A change to an intent the draft does not have. */
public final class UnknownIntentException extends RuntimeException {

    public UnknownIntentException(String intent) {
        super("the draft has no intent \"" + intent + "\"");
    }
}
