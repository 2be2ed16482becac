package dev.baton.app.wire;

import java.time.Duration;
import java.util.Optional;

/**
 * A frame refused because its visitor or their address did too much of something in too short a time (see
 * {@code baton.limits}): nothing was stored, the socket stays open, and the same frame is taken after
 * {@link #retryAfter()}. Unlike {@code busy}, the client itself is what is limited, not the node.
 */
public final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;
    private final Optional<String> conversationId;
    private final Optional<String> clientMessageId;

    /** @param what what there was too much of, for the client's reading, e.g. "messages" */
    public RateLimitedException(String what, Duration retryAfter, Optional<String> conversationId, Optional<String> clientMessageId) {
        super("too many " + what + " in a short time; nothing was stored; send it again after retryAfterMs", null, false, false);
        this.retryAfter = retryAfter;
        this.conversationId = conversationId;
        this.clientMessageId = clientMessageId;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public Optional<String> conversationId() {
        return conversationId;
    }

    public Optional<String> clientMessageId() {
        return clientMessageId;
    }
}
