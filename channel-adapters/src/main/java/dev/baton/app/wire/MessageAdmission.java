package dev.baton.app.wire;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Decides whether a node takes on one more visitor or agent message (store it, classify it, answer it) or
 * answers {@code busy} at once. A node past its capacity that took everything would answer everyone seconds
 * late and grow its backlog without end; refusing the excess keeps the admitted messages fast, and the node
 * recovers by itself as soon as the load drops. Bounded per node (all sockets together) and per connection,
 * so that one flooding client cannot take the whole node's share. Never waits.
 *
 * <p>While the node refuses more than {@value #OVERLOAD_PRESSURE} of what it takes, it holds half its bound. Why: a
 * bound of 64 refused the burst read after each of a node's 35–50 ms garbage-collection pauses at 2,000 msg/s on
 * Redis, and the resends put its p99 at 47–1,095 ms (five runs) where 128 gave 41 and 45 ms; but offered twice its
 * capacity, the messages a node admitted took p99 76 ms with 128 against 53 ms with 64 (docs/benchmarks.md).
 *
 * <p>How long a refused client is asked to wait grows while the node refuses more than it takes, and is spread
 * at random. Why: every refused message comes back after the wait, so a node that refused a backlog at a fixed
 * one second got it all back every second, spent its margin refusing it again and never caught up (measured: a
 * node offered 1,500 msg/s after a slow start answered 1,036/s and refused 398,764 sends in 45 s; see
 * docs/benchmarks.md).
 */
public final class MessageAdmission {

    /** The wait asked of refused clients grows to at most this many times {@code busyRetryAfter}. */
    static final int MAX_RETRY_FACTOR = 10;
    private static final long WINDOW_NANOS = 1_000_000_000L;
    /**
     * Refused for want of room per admitted message in the last second beyond which the node takes only half its
     * bound: lasting overload, not the burst read after a pause (which refused well under 1 % of a second's messages).
     * Refusals of a connection over its own share do not count: one flooding client does not shrink everyone's room.
     */
    static final double OVERLOAD_PRESSURE = 0.05;

    private final Bulkhead node;
    private final int nodeLimit;
    private final int nodeLimitUnderPressure;
    private final int perConnection;
    private final Duration retryAfter;
    private final LongSupplier nanoClock;
    private final AtomicLong windowStart;
    private final AtomicInteger admittedInWindow = new AtomicInteger();
    private final AtomicInteger refusedInWindow = new AtomicInteger();
    /** Refused because the node was full (not one connection over its share), this window. */
    private final AtomicInteger nodeRefusedInWindow = new AtomicInteger();
    /** Refused per admitted message in the last whole window. */
    private volatile double pressure;
    /** The same, counting only refusals of a full node: what a flooding connection cannot raise. */
    private volatile double nodePressure;

    public MessageAdmission(SocketLimits limits) {
        this(limits, System::nanoTime);
    }

    /** @param nanoClock the clock refusals are counted by (settable in tests) */
    MessageAdmission(SocketLimits limits, LongSupplier nanoClock) {
        this.node = Bulkhead.of("messages", BulkheadConfig.custom()
                .maxConcurrentCalls(limits.messagesInFlightPerNode())
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.nodeLimit = limits.messagesInFlightPerNode();
        this.nodeLimitUnderPressure = Math.max(1, nodeLimit / 2);
        this.perConnection = limits.messagesInFlightPerConnection();
        this.retryAfter = limits.busyRetryAfter();
        this.nanoClock = nanoClock;
        this.windowStart = new AtomicLong(nanoClock.getAsLong());
    }

    /**
     * Counts one refusal and says how long its client should wait before sending again: {@code busyRetryAfter}
     * times one plus the refusals per admitted message of the last second (at most {@value #MAX_RETRY_FACTOR}
     * times), times a random 1 to 1.5 so that the refused do not all come back at once.
     */
    public Duration refused() {
        roll();
        refusedInWindow.incrementAndGet();
        double factor = Math.min(MAX_RETRY_FACTOR, 1 + pressure) * (1 + ThreadLocalRandom.current().nextDouble(0.5));
        return Duration.ofMillis(Math.round(retryAfter.toMillis() * factor));
    }

    /** Starts a new window when the current one is over; the refusals of a window race its end harmlessly. */
    private void roll() {
        long now = nanoClock.getAsLong();
        long start = windowStart.get();
        if (now - start >= WINDOW_NANOS && windowStart.compareAndSet(start, now)) {
            int admitted = admittedInWindow.getAndSet(0);
            int refused = refusedInWindow.getAndSet(0);
            int nodeRefused = nodeRefusedInWindow.getAndSet(0);
            // A window with nothing refused ends the pressure, however long ago the last one was.
            boolean stale = now - start >= 2 * WINDOW_NANOS;
            pressure = stale ? 0 : refused / (double) Math.max(1, admitted);
            nodePressure = stale ? 0 : nodeRefused / (double) Math.max(1, admitted);
        }
    }

    /** Whether the node refuses what it would take if it were not under lasting pressure. */
    private boolean overloaded() {
        return nodePressure > OVERLOAD_PRESSURE
                && node.getMetrics().getAvailableConcurrentCalls() <= nodeLimit - nodeLimitUnderPressure;
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
            roll();
            if (overloaded() || !node.tryAcquirePermission()) {
                nodeRefusedInWindow.incrementAndGet();
                inFlight.decrementAndGet();
                return Optional.empty();
            }
            admittedInWindow.incrementAndGet();
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
