package dev.baton.app.wire;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Decides whether a node takes on one more visitor or agent message (store it, classify it, answer it) or
 * answers {@code busy} at once. A node past its capacity that took everything would answer everyone seconds
 * late and grow its backlog without end; refusing the excess keeps the admitted messages fast, and the node
 * recovers by itself as soon as the load drops. Bounded per node (all sockets together) and per connection,
 * so that one flooding client cannot take the whole node's share. Never waits.
 *
 * <p>The node's bound follows how long admitted messages take, from admission to handled (additive increase,
 * multiplicative decrease over short windows): while they take longer than the latency target on average, it
 * admits fewer at once; while they are faster, more, up to {@code messagesInFlightPerNode}. Why not a fixed
 * count: a fixed bound is right for one speed only. A node slowed by anything (a busy machine, a slow Redis) still
 * admitted as many, each then waiting behind the others, so that answers were late and the node answered
 * {@code 256 / time in flight} per second whatever the load (docs/benchmarks.md); following the latency keeps what
 * is admitted near the target and refuses only the excess.
 */
public final class MessageAdmission {

    /** Below this the node's bound never falls, so that light traffic on a slow machine is never refused. */
    static final int MIN_NODE_LIMIT = 32;
    /** Each window of samples changes the bound once: short, so the bound follows a change of load within a second. */
    private static final long WINDOW_MILLIS = 100;
    private static final int WINDOW_SAMPLES = 20;
    private static final double BACKOFF = 0.9;

    private final SimpleLimiter<Void> node;
    private final int perConnection;
    private final Duration retryAfter;

    public MessageAdmission(SocketLimits limits) {
        this(limits, System::nanoTime);
    }

    /** @param nanoClock the clock admitted messages are timed with (settable in tests) */
    MessageAdmission(SocketLimits limits, LongSupplier nanoClock) {
        int max = limits.messagesInFlightPerNode();
        AIMDLimit byLatency = AIMDLimit.newBuilder()
                .initialLimit(max)
                .maxLimit(max)
                .minLimit(Math.min(MIN_NODE_LIMIT, max))
                .backoffRatio(BACKOFF)
                .timeout(limits.admissionLatencyTarget().toNanos(), TimeUnit.NANOSECONDS)
                .build();
        this.node = SimpleLimiter.newBuilder()
                .named("messages")
                .nanoClock(nanoClock)
                .limit(WindowedLimit.newBuilder()
                        .minWindowTime(WINDOW_MILLIS, TimeUnit.MILLISECONDS)
                        .maxWindowTime(WINDOW_MILLIS, TimeUnit.MILLISECONDS)
                        .windowSize(WINDOW_SAMPLES)
                        .build(byLatency))
                .build();
        this.perConnection = limits.messagesInFlightPerConnection();
        this.retryAfter = limits.busyRetryAfter();
    }

    /** How many messages the node admits at once now. */
    public int nodeLimit() {
        return node.getLimit();
    }

    /** How many messages the node is handling now. */
    public int inFlight() {
        return node.getInflight();
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
            Optional<Limiter.Listener> admitted = node.acquire(null);
            if (admitted.isEmpty()) {
                inFlight.decrementAndGet();
                return Optional.empty();
            }
            return Optional.of(new Permit(this, admitted.get()));
        }

        private void release(Limiter.Listener admitted, boolean handled) {
            inFlight.decrementAndGet();
            if (handled) {
                admitted.onSuccess();
            } else {
                admitted.onIgnore();
            }
        }
    }

    /** One admitted message; releasing it twice releases it once. */
    public static final class Permit {

        private final Connection connection;
        private final Limiter.Listener admitted;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Connection connection, Limiter.Listener admitted) {
            this.connection = connection;
            this.admitted = admitted;
        }

        /** The message was handled: how long it took counts towards the node's bound. */
        public void release() {
            release(true);
        }

        /** The message was dropped unhandled (its socket went): its time says nothing about the node's speed. */
        public void discard() {
            release(false);
        }

        private void release(boolean handled) {
            if (released.compareAndSet(false, true)) {
                connection.release(admitted, handled);
            }
        }
    }
}
