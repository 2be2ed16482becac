package dev.baton.store.memory;

import dev.baton.events.ConversationEvent;
import dev.baton.events.ConversationEvents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Conversation events within one node. Every subscriber gets every event published after it subscribed, in
 * publishing order, buffered (up to {@link #MAX_BUFFERED_EVENTS}) if it is momentarily slow: a socket that misses its own conversation's event
 * would show a visitor nothing until they reconnect.
 */
public final class InProcessConversationEvents implements ConversationEvents {

    private final Sinks.Many<ConversationEvent> sink = Sinks.many().multicast().directBestEffort();
    private final Queue<ConversationEvent> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    @Override
    public Mono<Void> publish(ConversationEvent event) {
        return Mono.fromRunnable(() -> {
            queued.offer(event);
            drain();
        });
    }

    @Override
    public Flux<ConversationEvent> observe() {
        return sink.asFlux().onBackpressureBuffer(MAX_BUFFERED_EVENTS);
    }

    /**
     * A sink must not be emitted to concurrently, and events are published from every event loop. Rather than
     * make them queue on a lock (a profile showed the loops waiting on it), whichever thread finds the sink
     * free emits everything queued, including what others queue meanwhile; the others return at once.
     */
    private void drain() {
        if (pending.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            ConversationEvent next;
            while ((next = queued.poll()) != null) {
                // With nobody listening the event is meant to be dropped, so the result needs no handling.
                sink.tryEmitNext(next);
            }
            missed = pending.addAndGet(-missed);
        } while (missed != 0);
    }
}
