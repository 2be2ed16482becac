package dev.baton.store.redis;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * This node listening to one pub/sub channel on its subscription connection, which several channels share (each
 * listener hears only its own). Messages are handed over on Lettuce's I/O thread; Lettuce re-subscribes by itself
 * after a reconnection.
 */
final class ChannelSubscription implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChannelSubscription.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final String channel;
    private final RedisPubSubListener<String, String> listener;
    private final Mono<Void> ready;

    /** Subscribes at once; {@link #ready()} completes when Redis has confirmed it. */
    ChannelSubscription(StatefulRedisPubSubConnection<String, String> pubSub, String channel, Consumer<String> onMessage) {
        this.pubSub = Objects.requireNonNull(pubSub, "pubSub");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.listener = new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (channel.equals(from)) {
                    onMessage.accept(message);
                }
            }
        };
        pubSub.addListener(listener);
        this.ready = pubSub.reactive().subscribe(channel).cache();
        ready.subscribe(null, e -> log.error("Could not subscribe to Redis channel {}: {}", channel, e.toString()));
    }

    /** Completes once the subscription is confirmed: from then on this node hears every message published on it. */
    Mono<Void> ready() {
        return ready;
    }

    /** Stops listening and unsubscribes; blocks up to five seconds, for shutdown only. */
    @Override
    public void close() {
        pubSub.removeListener(listener);
        try {
            pubSub.reactive().unsubscribe(channel).block(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("Could not unsubscribe from Redis channel {}: {}", channel, e.toString());
        }
    }
}
