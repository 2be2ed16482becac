package dev.baton.app.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** A sign-in refused, before its password was checked, because its account or address failed too often. */
final class LockedOutException extends AuthenticationException {

    private final transient Duration retryAfter;

    LockedOutException(Duration retryAfter) {
        super("too many failed sign-ins; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
