package dev.baton.engine;

/** A visitor's rating (of an answer, or of a conversation) that cannot be taken: see {@link #problem()} for why. */
public final class RatingRefusedException extends RuntimeException {

    /** Why the rating was refused. */
    public enum Problem {
        /** The conversation has no message with that id. */
        UNKNOWN_MESSAGE,
        /** The message is not an answer of the bot's (a visitor's or agent's message, a question back…). */
        NOT_AN_ANSWER,
        /** The answer, or the conversation, was rated before: each is rated once. */
        ALREADY_RATED,
        /** A satisfaction score that is not a whole number from 1 to 5. */
        INVALID_SCORE
    }

    private final Problem problem;

    RatingRefusedException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
