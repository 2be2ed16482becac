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
 * <p>The node takes as many messages at once as it handled in {@link #WORK_OFF} over the last second: a backlog it
 * works off within about that long; at least its configured bound, at most {@value #BURST_FACTOR} times it. Offered
 * more than it can handle, it handles what it can and its admitted messages wait about {@link #WORK_OFF}; at a load
 * it carries, the burst read after a pause (garbage collection, code still being compiled) finds room in proportion
 * to the node's pace. A refused client is asked to wait {@code busyRetryAfter}, spread at random up to half as long
 * again so that the refused do not all come back at once.
 *
 * <p>Why so, measured on Redis at 2,000 msg/s from a fresh node, fresh conversations of five questions, where the
 * node with no bound at all answered everything (p99 92 ms): with a fixed bound that halved while the node refused
 * more than 5 % of what it took, and a wait that grew with the refusals of the last second (up to ten times), the
 * refusals of one slow second came back seconds later, all at once, and the node went on refusing its own resends
 * until the run ended (p99 12–28 s, 12,000–25,000 refused, messages left unanswered; the other admissions tried,
 * each with the growing wait, tipped over in most runs). With this one, of eight runs, five kept p99 under 100 ms,
 * one 121 ms, two bent to 1.8 and 5.7 s (1,432 and 7,879 refused), nothing unanswered. Offered twice its capacity, its
 * admitted messages took p99 246 ms against 96 ms with the halved bound, and once the load dropped it answered
 * the refused within a second or two instead of tens of seconds (docs/benchmarks.md).
 */
public final class MessageAdmission {

    /** The most the node takes at once, in bounds, however fast it works. */
    static final int BURST_FACTOR = 4;
    /** The node takes as many messages at once as it handled in this long lately, if that is more than its bound. */
    static final Duration WORK_OFF = Duration.ofMillis(100);
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final Bulkhead node;
    private final int bound;
    private final int burstLimit;
    private final int perConnection;
    private final Duration retryAfter;
    private final LongSupplier nanoClock;
    private final AtomicLong windowStart;
    private final AtomicInteger handledInWindow = new AtomicInteger();
    /** How many messages the node takes at once now. */
    private volatile int limit;

    public MessageAdmission(SocketLimits limits) {
        this(limits, System::nanoTime);
    }

    /** @param nanoClock the clock the node's pace is measured by (settable in tests) */
    MessageAdmission(SocketLimits limits, LongSupplier nanoClock) {
        this.bound = limits.messagesInFlightPerNode();
        this.burstLimit = Math.multiplyExact(bound, BURST_FACTOR);
        this.node = Bulkhead.of("messages", BulkheadConfig.custom()
                .maxConcurrentCalls(burstLimit)
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.limit = bound;
        this.perConnection = limits.messagesInFlightPerConnection();
        this.retryAfter = limits.busyRetryAfter();
        this.nanoClock = nanoClock;
        this.windowStart = new AtomicLong(nanoClock.getAsLong());
    }

    /** How long a refused client should wait before sending again: {@code busyRetryAfter} times a random 1 to 1.5. */
    public Duration retryWait() {
        return Duration.ofMillis(Math.round(retryAfter.toMillis() * (1 + ThreadLocalRandom.current().nextDouble(0.5))));
    }

    /** How many messages the node takes at once now. */
    int limit() {
        roll();
        return limit;
    }

    private int inFlightOnNode() {
        return burstLimit - node.getMetrics().getAvailableConcurrentCalls();
    }

    /**
     * Sets the limit from the node's pace when a second is over. Only the thread that ends it does; messages handled
     * as it ends race it harmlessly.
     */
    private void roll() {
        long now = nanoClock.getAsLong();
        long start = windowStart.get();
        if (now - start >= WINDOW_NANOS && windowStart.compareAndSet(start, now)) {
            long handledPerSecond = handledInWindow.getAndSet(0) * WINDOW_NANOS / (now - start);
            limit = (int) Math.min(burstLimit, Math.max(bound, handledPerSecond * WORK_OFF.toNanos() / WINDOW_NANOS));
        }
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
            if (inFlightOnNode() >= limit || !node.tryAcquirePermission()) {
                inFlight.decrementAndGet();
                return Optional.empty();
            }
            return Optional.of(new Permit(this));
        }

        private void release() {
            handledInWindow.incrementAndGet();
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
