package dev.baton.app.wire;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.Map;

/**
 * The frames waiting to go out on one socket. Replies to the client's frames and pushed events come from
 * different threads, and a sink must not be emitted to concurrently, hence the lock.
 */
public final class FrameOutbox {

    private final Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();
    private final OutboundFrames frames;

    public FrameOutbox(OutboundFrames frames) {
        this.frames = frames;
    }

    public void send(Map<String, ?> frame) {
        sendWritten(frames.write(frame));
    }

    /** A frame already written as JSON text. */
    public synchronized void sendWritten(String frame) {
        sink.tryEmitNext(frame);
    }

    public Flux<String> frames() {
        return sink.asFlux();
    }

    public synchronized void close() {
        sink.tryEmitComplete();
    }
}
