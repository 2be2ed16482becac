package dev.baton.app.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets Lettuce's endpoint lock wait, as it is built to, for the instant another thread holds it exclusively
 * (a reconnect or close in progress). BlockHound otherwise throws from inside {@code SharedLock}'s acquisition,
 * which leaves its writer count wrong; the endpoint then spins for ever when the node closes (seen in a
 * NodeKilledTest run whose thread dump showed {@code SharedLock.incrementWriters} spinning; the same leaked state
 * is described in Lettuce issues 3804 and 3880). Only the lock is allowed: any other blocking call on a
 * non-blocking thread still fails the test that makes it.
 */
public final class LettuceSharedLockIntegration implements BlockHoundIntegration {

    private static final String SHARED_LOCK = "io.lettuce.core.protocol.SharedLock";

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(SHARED_LOCK, "incrementWriters")
                .allowBlockingCallsInside(SHARED_LOCK, "decrementWriters")
                .allowBlockingCallsInside(SHARED_LOCK, "doExclusive");
    }
}
