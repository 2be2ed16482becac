package dev.baton.channel;

/** A button's key names no choice of the visitor's conversation: a forged key, or one of a message long gone. */
public final class UnknownChoiceException extends RuntimeException {

    public UnknownChoiceException(String key) {
        super("the button pressed (" + (key.length() > 40 ? key.substring(0, 40) + "…" : key) + ") names no choice of this conversation");
    }
}
