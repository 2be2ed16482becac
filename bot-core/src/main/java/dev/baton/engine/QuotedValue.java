package dev.baton.engine;

/**
 * A value a client sent, as an error message may quote it back: whole when short, else cut after
 * {@link #MAX_CODE_POINTS} code points and marked with an ellipsis. Quoting a value of any length back would let a
 * client make the server write (and every log or console that shows errors hold) as much as it sends.
 */
public final class QuotedValue {

    /** Enough to recognise any id or frame type this protocol uses. */
    public static final int MAX_CODE_POINTS = 64;

    private QuotedValue() {
    }

    /** {@code value} in double quotes, cut to {@link #MAX_CODE_POINTS} code points (never inside a surrogate pair). */
    public static String of(String value) {
        return "\"" + capped(value) + "\"";
    }

    /** {@code value} cut to {@link #MAX_CODE_POINTS} code points and an ellipsis when longer; unchanged otherwise. */
    public static String capped(String value) {
        if (value.codePointCount(0, value.length()) <= MAX_CODE_POINTS) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, MAX_CODE_POINTS)) + "…";
    }
}
