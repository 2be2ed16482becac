package dev.baton.store.redis;

import dev.baton.events.ConversationEvent;
import dev.baton.events.ConversationEvents;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.util.Objects;
import java.util.Optional;

/**
 * Conversation events across nodes, over Redis pub/sub on the {@code events} channel (see {@link RedisKeys}), as
 * JSON.
 *
 * <p>Each node subscribes once, on its own pub/sub connection, and multicasts what arrives to its local
 * subscribers; a node hears its own events the same way as everyone else's (but takes the event it published
 * instead of reading its JSON again: {@link PublishedEvents}). {@link #observe()} is hot (no
 * replay); a local subscriber that is momentarily slow has its events buffered (up to {@link #MAX_BUFFERED_EVENTS}), not dropped, so an event that
 * reaches the node reaches every local subscriber (like {@code InProcessConversationEvents}). Events are
 * delivered to subscribers on Reactor's parallel scheduler, never on Redis' I/O thread.
 *
 * <h2>Delivery guarantee: at most once</h2>
 * Redis pub/sub keeps nothing: an event published while a node is disconnected from Redis, or before its
 * subscription is confirmed ({@link #ready()}), never reaches that node. A conversation's events arrive in the order
 * one node published them (a node publishes each conversation's events on one connection); events from different
 * nodes have no common order. Nothing depends on an event
 * arriving: every message has an id, and a client that reconnects — to this or any other node — catches up from
 * the store with {@code transcript(conversationId, lastSeenId)} and re-reads the conversation's state and the queue.
 * Lettuce re-subscribes by itself after a reconnection.
 *
 * <p>An event this node cannot read (e.g. a new type from a newer node) is logged and skipped.
 * Close it when the node shuts down ({@link #close()}).
 */
public final class RedisConversationEvents implements ConversationEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConversationEvents.class);

    private final ConversationConnections redis;
    private final String channel;
    private final JsonCodec json;
    private final PublishedEvents published;
    private final Sinks.Many<ConversationEvent> sink = Sinks.many().multicast().directBestEffort();
    private final ChannelSubscription subscription;

    /** Publishing on one connection; see the other constructor. */
    public RedisConversationEvents(RedisReactiveCommands<String, String> redis,
                                   StatefulRedisPubSubConnection<String, String> pubSub, RedisKeys keys) {
        this(ConversationConnections.single(redis), pubSub, keys, JsonCodec.withDefaultMapper(), new PublishedEvents());
    }

    /**
     * Subscribes at once; {@link #ready()} completes when Redis has confirmed the subscription.
     *
     * @param redis  the connections events are published on, each conversation's on its own
     * @param pubSub a connection used for nothing but this subscription
     * @param published what this node published and has not heard back, shared with its conversation store
     */
    RedisConversationEvents(ConversationConnections redis, StatefulRedisPubSubConnection<String, String> pubSub,
                            RedisKeys keys, JsonCodec json, PublishedEvents published) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.json = Objects.requireNonNull(json, "json");
        this.published = Objects.requireNonNull(published, "published");
        this.channel = keys.eventsChannel();
        this.subscription = new ChannelSubscription(pubSub, channel, this::deliver);
    }

    /** Completes once this node's subscription is confirmed: from then on it hears every event published. */
    public Mono<Void> ready() {
        return subscription.ready();
    }

    /** Publishes to every node's subscribers, this node's included; completes once Redis has taken the event. */
    @Override
    public Mono<Void> publish(ConversationEvent event) {
        return Mono.fromCallable(() -> published.publishing(json.encode(event), event))
                .flatMap(message -> redis.of(event.conversationId()).publish(channel, message))
                .then();
    }

    /** Every event published from now on, by any node; see the class comment for what may be missed. */
    @Override
    public Flux<ConversationEvent> observe() {
        return sink.asFlux().onBackpressureBuffer(MAX_BUFFERED_EVENTS);
    }

    /** Unsubscribes and completes every local subscriber; blocks up to five seconds, for shutdown only. */
    @Override
    public void close() {
        subscription.close();
        synchronized (sink) {
            sink.tryEmitComplete();
        }
    }

    private void deliver(String message) {
        Optional<ConversationEvent> event;
        try {
            event = published.heardBack(message).or(() -> json.decodeEvent(message));
        } catch (RuntimeException e) {
            log.warn("Skipped an unreadable event on {}: {}", channel, e.toString());
            return;
        }
        if (event.isEmpty()) {
            log.debug("Skipped an event of a type this node does not know: {}", message);
            return;
        }
        synchronized (sink) {
            sink.tryEmitNext(event.get());
        }
    }
}
