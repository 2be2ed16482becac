package dev.baton.audit;

import java.util.Locale;

/**
 * A kind of action the audit log records; each feature names its own in an enum ({@link StaffAction},
 * {@code TrainerAction}), and the log keeps their codes.
 */
public interface AuditAction {

    /** The enum constant's name. */
    String name();

    /** How the log and its API name it, e.g. {@code login_failed}. */
    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
