package dev.baton.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One action, as the audit log keeps it: who, when, what, from where. Never a message's text nor a visitor's personal
 * data: the subject names a conversation, intent, version or account, the detail says what was done to it.
 *
 * @param who     the user's name ({@link Actor#name()})
 * @param from    the client address ({@code ""} for the system)
 * @param action  an {@link AuditAction#code()}, e.g. {@code accepted}
 * @param subject what it is about (e.g. a conversation id, {@code returns}, {@code version 4})
 * @param detail  what was done, in words
 */
public record AuditEntry(Instant at, String who, String from, String action, String subject, String detail) {

    /** Who a failed sign-in is recorded as when no such account exists: what was typed may be anything, a password too. */
    public static final String UNKNOWN_ACCOUNT = "(unknown account)";

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        if (!CODE.matcher(action).matches()) {
            throw new IllegalArgumentException("an audit action is a lower-case code: \"" + action + "\"");
        }
    }

    public AuditEntry(Instant at, Actor actor, AuditAction action, String subject, String detail) {
        this(at, actor.name(), actor.address(), action.code(), subject, detail);
    }
}
