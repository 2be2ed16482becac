package dev.baton.app.wire;

import java.time.Duration;

/**
 * What one socket, and one node, may hold or do at once; see the README's configuration table.
 *
 * @param maxUnsentFrames                frames waiting for a client that does not read; beyond, it is closed
 * @param maxQueuedFrames                frames read from a client and waiting to be handled; beyond, {@code busy}
 * @param messagesInFlightPerConnection  {@code message} frames of one socket being handled; beyond, {@code busy}
 * @param messagesInFlightPerNode        {@code message} frames of all sockets being handled; beyond, {@code busy}
 * @param busyRetryAfter                 the {@code retryAfterMs} hint a {@code busy} error gives
 * @param maxMessagesWhileLoading        messages pushed to a visitor socket while its transcript loads, kept to
 *                                       follow it; beyond, the client is told to catch up ({@code too_far_behind})
 */
public record SocketLimits(int maxUnsentFrames, int maxQueuedFrames, int messagesInFlightPerConnection,
                           int messagesInFlightPerNode, Duration busyRetryAfter, int maxMessagesWhileLoading) {

    public SocketLimits {
        if (maxUnsentFrames < 1 || maxQueuedFrames < 1 || messagesInFlightPerConnection < 1 || messagesInFlightPerNode < 1
                || maxMessagesWhileLoading < 1) {
            throw new IllegalArgumentException("socket limits must be at least 1: " + maxUnsentFrames + ", " + maxQueuedFrames
                    + ", " + messagesInFlightPerConnection + ", " + messagesInFlightPerNode + ", " + maxMessagesWhileLoading);
        }
    }
}
