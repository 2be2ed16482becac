package dev.baton.app.wire;

import dev.baton.conversation.ConversationEvent;
import dev.baton.conversation.ConversationEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hands each visitor socket the events of its own conversation only. Filtering the node's whole event stream
 * in every socket costs every event once per open socket — with a thousand visitors, a thousand times — so
 * this subscribes once and looks each event's listeners up by conversation. Queue changes, which move every
 * waiting visitor's position, go to everyone.
 */
public final class ConversationFeeds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConversationFeeds.class);

    private final Map<String, List<Consumer<ConversationEvent>>> listeners = new ConcurrentHashMap<>();
    private final int maxBuffered;
    private final Disposable subscription;

    /** @param maxBuffered events one socket may have waiting before its feed fails with an overflow */
    public ConversationFeeds(ConversationEvents events, int maxBuffered) {
        this.maxBuffered = maxBuffered;
        // Dispatching only hands events on, so the node's bus overflows only if this node is hopelessly behind;
        // the sockets then miss events (they catch up on reconnect), but the feeds go on.
        this.subscription = events.observe()
                .doOnError(e -> log.warn("conversation events overflowed; some sockets missed events: {}", e.toString()))
                .retry()
                .subscribe(this::dispatch);
    }

    /**
     * The events of one conversation, and every queue change, from now on. Hot; buffers up to {@code maxBuffered}
     * events for a slow socket; beyond, it misses the later ones and, after the buffered ones, fails with an overflow
     * error ({@link reactor.core.Exceptions#isOverflow}).
     */
    public Flux<ConversationEvent> observe(String conversationId) {
        return Flux.<ConversationEvent>create(sink -> {
            Consumer<ConversationEvent> listener = sink::next;
            listeners.computeIfAbsent(conversationId, id -> new CopyOnWriteArrayList<>()).add(listener);
            sink.onDispose(() -> listeners.computeIfPresent(conversationId, (id, registered) -> {
                registered.remove(listener);
                return registered.isEmpty() ? null : registered;
            }));
        }, FluxSink.OverflowStrategy.BUFFER).onBackpressureBuffer(maxBuffered);
    }

    private void dispatch(ConversationEvent event) {
        if (event instanceof ConversationEvent.QueueChanged) {
            listeners.values().forEach(registered -> registered.forEach(listener -> listener.accept(event)));
            return;
        }
        List<Consumer<ConversationEvent>> registered = listeners.get(event.conversationId());
        if (registered != null) {
            registered.forEach(listener -> listener.accept(event));
        }
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
