package dev.baton.engine;

/** The rules every stored message text follows, whoever wrote it. */
public final class MessageText {

    public static final int MAX_CHARS = 4000;

    private MessageText() {
    }

    /** The text trimmed; throws {@link InvalidTextException} when it is empty or too long. */
    public static String validated(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidTextException(false, "the message is empty");
        }
        if (trimmed.length() > MAX_CHARS) {
            throw new InvalidTextException(true,
                    "the message has " + trimmed.length() + " characters; at most " + MAX_CHARS + " are allowed");
        }
        return trimmed;
    }
}
