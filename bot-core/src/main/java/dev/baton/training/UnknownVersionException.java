package dev.baton.training;

/** A version that was never published. */
public final class UnknownVersionException extends RuntimeException {

    public UnknownVersionException(int number) {
        super("there is no version " + number);
    }
}
