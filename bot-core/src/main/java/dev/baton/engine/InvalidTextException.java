package dev.baton.engine;

/** A message text that cannot be stored: empty, or longer than {@link MessageText#MAX_CHARS}. */
public final class InvalidTextException extends RuntimeException {

    private final boolean tooLong;

    InvalidTextException(boolean tooLong, String message) {
        super(message);
        this.tooLong = tooLong;
    }

    public boolean tooLong() {
        return tooLong;
    }
}
