package dev.baton.handoff;

/**
 * What an agent asked of a left message does not fit where it is (taken by someone else, already done, no email to
 * answer) or could not be done (the email was not sent). {@link #code()} is the protocol's error code.
 */
public final class FollowUpRefusedException extends RuntimeException {

    private final String code;

    public FollowUpRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public FollowUpRefusedException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
