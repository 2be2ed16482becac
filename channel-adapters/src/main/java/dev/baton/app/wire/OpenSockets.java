package dev.baton.app.wire;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every socket open on this node, so that a node being stopped can tell its clients to reconnect —
 * to another node, or to this one once it is back — before it goes, rather than leaving them to notice a
 * dead connection. Stops before the web server does.
 */
public final class OpenSockets implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpenSockets.class);
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(5);

    private final Map<String, Open> sockets = new ConcurrentHashMap<>();
    private final Map<Kind, AtomicInteger> open = new EnumMap<>(Kind.class);
    private volatile boolean running;

    public OpenSockets() {
        for (Kind kind : Kind.values()) {
            open.put(kind, new AtomicInteger());
        }
    }

    /** Whose socket it is. */
    public enum Kind {
        VISITOR,
        AGENT,
        SUPERVISOR
    }

    private record Open(WebSocketSession session, FrameOutbox outbox) {
    }

    /** Tracks {@code session} until it ends. */
    public Mono<Void> track(Kind kind, WebSocketSession session, FrameOutbox outbox, Mono<Void> served) {
        sockets.put(session.getId(), new Open(session, outbox));
        open.get(kind).incrementAndGet();
        return served.doFinally(signal -> {
            sockets.remove(session.getId());
            open.get(kind).decrementAndGet();
        });
    }

    /** The sockets of this kind open now. */
    public int count(Kind kind) {
        return open.get(kind).get();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        int open = sockets.size();
        if (open == 0) {
            return;
        }
        log.info("asking {} clients to reconnect before this node stops", open);
        Flux.fromIterable(sockets.values())
                .flatMap(socket -> {
                    socket.outbox().send(new OutboundFrame.Reconnect());
                    socket.outbox().close();
                    return socket.session().close(CloseStatus.SERVICE_RESTARTED).onErrorComplete();
                })
                .then()
                .block(CLOSE_PATIENCE);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Spring stops higher phases first, and the web server's shutdown lifecycles sit below the default.
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
