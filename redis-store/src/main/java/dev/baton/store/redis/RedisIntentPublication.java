package dev.baton.store.redis;

import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentPublication;
import dev.baton.intents.PublishedIntents;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.Objects;

/**
 * The installation's intent database in Redis. Owns the {@code intents} hash ({@code version}, and {@code files}: the
 * validated intent files as JSON) and the {@code intents:published} channel (see {@link RedisKeys}).
 *
 * <p>Publishing stores the files and announces their version in one script, so no node can store a database and
 * die before announcing it. The announcement is at most once (pub/sub keeps nothing); the hash is the truth, which
 * nodes also read now and then. The version alone ({@link #publishedVersion()}) is one small {@code HGET}.
 *
 * <p>Subscribes on the node's pub/sub connection at once ({@link #ready()}); close it at shutdown.
 */
public final class RedisIntentPublication implements IntentPublication, AutoCloseable {

    /** KEYS: intents. ARGV: version, files JSON, channel. Replaces the database and announces its version. */
    private static final LuaScript PUBLISH = LuaScript.load(ScriptOutputType.INTEGER, "publish-intents.lua");

    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;
    private final String channel;
    private final JsonCodec json;
    private final Sinks.Many<String> publications = Sinks.many().multicast().directBestEffort();
    private final ChannelSubscription subscription;

    /** @param pubSub a subscription connection; other listeners may share it, each hears only its channels */
    public RedisIntentPublication(RedisReactiveCommands<String, String> redis,
                                  StatefulRedisPubSubConnection<String, String> pubSub, RedisKeys keys) {
        this(redis, pubSub, keys, JsonCodec.withDefaultMapper());
    }

    RedisIntentPublication(RedisReactiveCommands<String, String> redis,
                           StatefulRedisPubSubConnection<String, String> pubSub, RedisKeys keys, JsonCodec json) {
        this.json = Objects.requireNonNull(json, "json");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.channel = keys.intentsChannel();
        this.subscription = new ChannelSubscription(pubSub, channel, version -> {
            synchronized (publications) {
                publications.tryEmitNext(version);
            }
        });
    }

    /** Completes once this node's subscription is confirmed. */
    public Mono<Void> ready() {
        return subscription.ready();
    }

    @Override
    public Mono<PublishedIntents> published() {
        return redis.hmget(keys.intents(), "version", "files").collectList().flatMap(fields -> {
            if (fields.stream().anyMatch(field -> !field.hasValue())) {
                return Mono.empty();
            }
            return Mono.fromCallable(() -> new PublishedIntents(fields.get(0).getValue(), json.decodeIntentFiles(fields.get(1).getValue())));
        });
    }

    @Override
    public Mono<String> publishedVersion() {
        return redis.hget(keys.intents(), "version");
    }

    @Override
    public Mono<Void> publish(IntentDatabase database) {
        return Mono.fromCallable(() -> PublishedIntents.of(database))
                .flatMap(intents -> PUBLISH.run(redis, new String[]{keys.intents()},
                        intents.version(), json.encodeIntentFiles(intents.files()), channel))
                .then();
    }

    /** Only the latest version is kept for a slow subscriber: an older one would be outdated anyway. */
    @Override
    public Flux<String> observePublications() {
        return publications.asFlux().onBackpressureLatest();
    }

    /** Unsubscribes and completes every local subscriber; blocks up to five seconds, for shutdown only. */
    @Override
    public void close() {
        subscription.close();
        synchronized (publications) {
            publications.tryEmitComplete();
        }
    }
}
