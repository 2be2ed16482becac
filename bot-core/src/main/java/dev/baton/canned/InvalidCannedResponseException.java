package dev.baton.canned;

/** A canned response's shortcut or language cannot be used. */
public final class InvalidCannedResponseException extends RuntimeException {

    public InvalidCannedResponseException(String message) {
        super(message);
    }
}
