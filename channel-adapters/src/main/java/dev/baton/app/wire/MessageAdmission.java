package dev.baton.app.wire;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides whether a node takes on one more visitor or agent message (store it, classify it, answer it) or
 * answers {@code busy} at once. A node past its capacity that took everything would answer everyone seconds
 * late and grow its backlog without end; refusing the excess keeps the admitted messages fast, and the node
 * recovers by itself as soon as the load drops. Bounded per node (all sockets together) and per connection,
 * so that one flooding client cannot take the whole node's share. Never waits.
 */
public final class MessageAdmission {

    private final Bulkhead node;
    private final int perConnection;
    private final Duration retryAfter;

    public MessageAdmission(SocketLimits limits) {
        this.node = Bulkhead.of("messages", BulkheadConfig.custom()
                .maxConcurrentCalls(limits.messagesInFlightPerNode())
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.perConnection = limits.messagesInFlightPerConnection();
        this.retryAfter = limits.busyRetryAfter();
    }

    /** How long a client told {@code busy} should wait before sending again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The admission of one socket's messages. */
    public Connection forConnection() {
        return new Connection();
    }

    /** One socket's messages in flight, and through it the node's. */
    public final class Connection {

        private final AtomicInteger inFlight = new AtomicInteger();

        private Connection() {
        }

        /** A permit to handle one message, to be released when it is handled; empty when busy. */
        public Optional<Permit> tryAdmit() {
            if (inFlight.incrementAndGet() > perConnection) {
                inFlight.decrementAndGet();
                return Optional.empty();
            }
            if (!node.tryAcquirePermission()) {
                inFlight.decrementAndGet();
                return Optional.empty();
            }
            return Optional.of(new Permit(this));
        }

        private void release() {
            inFlight.decrementAndGet();
            node.onComplete();
        }
    }

    /** One admitted message; releasing it twice releases it once. */
    public static final class Permit {

        private final Connection connection;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Connection connection) {
            this.connection = connection;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                connection.release();
            }
        }
    }
}
