package dev.baton.audit;

/** What agents, supervisors and admins do that the audit log records (trainers' actions are {@code TrainerAction}). */
public enum StaffAction implements AuditAction {
    /** Signed in (the form, or single sign-on through the company's directory). */
    LOGIN_SUCCEEDED,
    /** A wrong password, or an account there is not (recorded as {@link AuditEntry#UNKNOWN_ACCOUNT}). */
    LOGIN_FAILED,
    /** Too many failures: the account or the address may not sign in for a while. */
    LOCKED_OUT,
    /**
     * The directory vouched for the user, but none of their groups maps to a Baton role: they may not sign in
     * (single sign-on only).
     */
    LOGIN_REFUSED,
    /** Signed out (the session ended on every node). */
    LOGGED_OUT,
    ACCEPTED,
    TRANSFERRED,
    RESOLVED,
    HANDED_BACK,
    /** A supervisor gave an agent's conversation to another agent. */
    REASSIGNED,
    /** A supervisor took an agent's conversation over. */
    TOOK_OVER,
    /** An internal note written (its text is not recorded). */
    NOTE_ADDED,
    CANNED_RESPONSE_SAVED,
    CANNED_RESPONSE_DELETED,
    /** An admin read the audit log. */
    AUDIT_READ,
    /** An administrator read a visitor's data (the right of access). */
    VISITOR_DATA_EXPORTED,
    /** A visitor's data was erased, at their request or an administrator's. */
    VISITOR_DATA_ERASED,
    /** An agent linked a conversation's visitor to a customer (by visitor id, email or phone; the value is not recorded). */
    CUSTOMER_LINKED,
    /** An agent took a visitor out of a customer. */
    CUSTOMER_UNLINKED
}
