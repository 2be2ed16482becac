package dev.baton.app.wire;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The frames waiting to go out on one socket. Replies to the client's frames and pushed events come from
 * different threads, and a sink must not be emitted to concurrently, hence the lock.
 *
 * <p>Bounded: the transport takes frames only as fast as the client reads them, so a client that stops reading
 * would otherwise make this grow for ever. Once more than {@code maxUnsent} frames wait, the outbox stops taking
 * frames and calls {@code tooFarBehind} (once), which closes the socket: the client reconnects and catches up
 * from the store, which is cheaper for everyone than a replay of everything it missed. Replies to the client's
 * own frames never get that far: its frames are read only while the outbox is at most half full
 * ({@link #room()}), so a client that sends without reading is slowed down, not closed.
 */
public final class FrameOutbox {

    private final Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();
    private final AtomicInteger unsent = new AtomicInteger();
    private final OutboundFrames frames;
    private final int maxUnsent;
    private final Runnable tooFarBehind;
    // Set once the outbox is closed or overflowed: frames sent after that are dropped, not counted.
    private boolean closed;
    // Taken with getAndSet, never read then cleared: a reader registering anew between a writer's read and its
    // clearing would otherwise have its wake-up erased, and the socket would never read again.
    private final AtomicReference<Sinks.Empty<Void>> waitingForRoom = new AtomicReference<>();

    public FrameOutbox(OutboundFrames frames, int maxUnsent, Runnable tooFarBehind) {
        this.frames = frames;
        this.maxUnsent = maxUnsent;
        this.tooFarBehind = tooFarBehind;
    }

    public void send(OutboundFrame frame) {
        sendWritten(frames.write(frame));
    }

    /** A frame already written as JSON text; dropped once the client has fallen too far behind. */
    public void sendWritten(String frame) {
        boolean overflowing;
        synchronized (this) {
            if (closed) {
                return;
            }
            overflowing = unsent.incrementAndGet() > maxUnsent;
            if (overflowing) {
                closed = true;
                sink.tryEmitComplete();
            } else {
                sink.tryEmitNext(frame);
            }
        }
        if (overflowing) {
            tooFarBehind.run();
        }
    }

    public Flux<String> frames() {
        return sink.asFlux().doOnNext(frame -> {
            unsent.decrementAndGet();
            if (hasRoom()) {
                wakeReader();
            }
        });
    }

    private void wakeReader() {
        Sinks.Empty<Void> waiting = waitingForRoom.getAndSet(null);
        if (waiting != null) {
            waiting.tryEmitEmpty();
        }
    }

    /** Completes once at most half of {@code maxUnsent} frames wait: when the client's next frame may be read. */
    public Mono<Void> room() {
        return Mono.defer(() -> {
            if (hasRoom()) {
                return Mono.empty();
            }
            Sinks.Empty<Void> waiting = Sinks.empty();
            waitingForRoom.set(waiting);
            // The client may have caught up between the check and the registration.
            if (hasRoom()) {
                wakeReader();
            }
            // A wake-up can be stale: a transport thread that saw room before this registration may deliver it
            // after more frames were queued. Looking again keeps the reader waiting until there is room now
            // (without it, CI once saw the outbox overflow under concurrent pushes).
            return waiting.asMono().then(room());
        });
    }

    private boolean hasRoom() {
        return unsent.get() <= maxUnsent / 2;
    }

    public synchronized void close() {
        closed = true;
        sink.tryEmitComplete();
    }
}
