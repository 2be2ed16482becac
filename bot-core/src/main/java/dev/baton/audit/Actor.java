package dev.baton.audit;

import java.util.Objects;

/**
 * Who did something, as the audit log records them: a user's name (never a visitor's data), and the client address the
 * request or socket came from.
 *
 * @param name    the user's name, or {@link #SYSTEM} for what Baton did itself
 * @param address the client address, or {@code ""} when there is none (the system)
 */
public record Actor(String name, String address) {

    /** Baton itself: the first version of the intent database, work on a schedule. */
    public static final String SYSTEM = "system";

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    /** Baton itself, from no address. */
    public static Actor system(String name) {
        return new Actor(name, "");
    }
}
