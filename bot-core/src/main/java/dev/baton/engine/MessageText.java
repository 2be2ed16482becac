package dev.baton.engine;

import java.util.Optional;

/** The rules every stored message text follows, whoever wrote it. */
public final class MessageText {

    /** Counted in code points: an emoji is one character to the person typing it, not two UTF-16 units. */
    public static final int MAX_CHARS = 4000;

    /** A left message's contact is an email address or a phone number, never an essay. */
    public static final int MAX_CONTACT_CHARS = 200;

    /** A rating's comment is a remark on the conversation, not a new request: that belongs in a message. */
    public static final int MAX_COMMENT_CHARS = 1000;

    private MessageText() {
    }

    /**
     * The text trimmed; throws {@link InvalidTextException} when it shows nothing (only spaces, control,
     * zero-width or other invisible characters) or is too long. Invisible characters inside a text that says
     * something are kept: a zero-width non-joiner shapes Persian words.
     */
    public static String validated(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!showsSomething(trimmed)) {
            throw new InvalidTextException(InvalidTextException.Problem.EMPTY, "the message is empty");
        }
        // Code points rather than grapheme clusters: a cluster can carry any number of combining marks, so
        // counting clusters would let one "character" be megabytes long.
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_CHARS) {
            throw new InvalidTextException(InvalidTextException.Problem.TOO_LONG,
                    "the message has " + length + " characters; at most " + MAX_CHARS + " are allowed");
        }
        return trimmed;
    }

    /** The contact trimmed, empty when blank; throws {@link InvalidTextException} when it is too long. */
    public static Optional<String> validatedContact(Optional<String> contact) {
        return optionalWithin(contact, MAX_CONTACT_CHARS, InvalidTextException.Problem.CONTACT_TOO_LONG, "contact");
    }

    /** A rating's comment trimmed, empty when blank; throws {@link InvalidTextException} when it is too long. */
    public static Optional<String> validatedComment(Optional<String> comment) {
        return optionalWithin(comment, MAX_COMMENT_CHARS, InvalidTextException.Problem.COMMENT_TOO_LONG, "comment");
    }

    private static Optional<String> optionalWithin(Optional<String> text, int max, InvalidTextException.Problem tooLong, String what) {
        Optional<String> trimmed = text.map(String::strip).filter(MessageText::showsSomething);
        trimmed.ifPresent(t -> {
            int length = t.codePointCount(0, t.length());
            if (length > max) {
                throw new InvalidTextException(tooLong, "the " + what + " has " + length + " characters; at most " + max + " are allowed");
            }
        });
        return trimmed;
    }

    private static boolean showsSomething(String text) {
        return text.codePoints().anyMatch(c -> !invisible(c));
    }

    /**
     * Spaces of every kind (the no-break ones too, which {@link String#strip()} keeps), control and format
     * characters (zero-width spaces and joiners, word joiner, byte order mark, direction marks) and the
     * fillers that render as nothing.
     */
    private static boolean invisible(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }
}
