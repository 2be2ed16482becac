package dev.baton.app.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets a thread that logs wait, as logback's queue is built to, for the instant another thread holds the queue's
 * lock while it enqueues; the queue itself never waits for room (see AsyncConsoleLogging). Any other blocking call
 * on a non-blocking thread still fails the test that makes it.
 */
public final class LogbackQueueIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("ch.qos.logback.core.AsyncAppenderBase", "put");
    }
}
