package dev.baton.engine;

/** A text that cannot be stored: see {@link MessageText} for the rules, and {@link #problem()} for which it broke. */
public final class InvalidTextException extends RuntimeException {

    /** What is wrong with the text. */
    public enum Problem {
        /** Nothing visible: empty, or only spaces, control or invisible characters. */
        EMPTY,
        /** More than {@link MessageText#MAX_CHARS} characters. */
        TOO_LONG,
        /** A left message's contact is longer than {@link MessageText#MAX_CONTACT_CHARS} characters. */
        CONTACT_TOO_LONG,
        /** A satisfaction rating's comment is longer than {@link MessageText#MAX_COMMENT_CHARS} characters. */
        COMMENT_TOO_LONG
    }

    private final Problem problem;

    InvalidTextException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
