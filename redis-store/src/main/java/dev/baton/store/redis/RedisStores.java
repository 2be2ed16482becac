package dev.baton.store.redis;

import dev.baton.store.SharedSecrets;
import dev.baton.handoff.DirectoryAgents;
import dev.baton.channel.DeliveryClaims;

import dev.baton.conversation.ConversationStore;
import dev.baton.events.ConversationEvents;
import dev.baton.feedback.AnswerRatings;
import dev.baton.handoff.AgentQueue;
import dev.baton.inbox.TrainerInbox;
import dev.baton.handoff.LeftMessages;
import dev.baton.handoff.Presence;
import dev.baton.intents.IntentPublication;
import dev.baton.privacy.ConsentRecords;
import dev.baton.customers.CustomerLinks;
import dev.baton.satisfaction.SatisfactionRatings;
import dev.baton.audit.AuditLog;
import dev.baton.conversation.VisitorContexts;
import dev.baton.analytics.ConversationOutcomes;
import dev.baton.canned.CannedResponses;
import dev.baton.training.Drafts;
import dev.baton.training.IntentVersions;
import io.lettuce.core.ClientOptions;
import dev.baton.limits.RateLimiter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

import reactor.core.publisher.Mono;

import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Redis-backed port of one node, built from a Redis URL: one Lettuce client, a few connections for commands
 * (Lettuce multiplexes each; conversations are spread over them, see {@link ConversationConnections}, and
 * everything else uses the first) and one for the event subscription, each with an I/O thread of its own.
 *
 * <pre>{@code
 * RedisStores redis = RedisStores.connect(RedisStoreSettings.of("redis://127.0.0.1:6379"), Clock.systemUTC(), mapper);
 * new Stores(redis.conversations(), redis.queue(), redis.presence(), redis.leftMessages(), redis.events(),
 *         redis.visitorPresence());
 * redis.intents();  // the intent database every node answers from
 * ...
 * redis.close();   // at shutdown
 * }</pre>
 *
 * <p>Needs Redis 7.0 or later (the scripts use {@code PEXPIRE … NX}), standalone or behind Sentinel: creating and
 * updating a conversation maintain the visitor's and agent's indexes and the agents' queue in the same script as
 * the conversation, which a Redis Cluster would refuse as cross-slot.
 *
 * <p>When Redis cannot be reached, commands error instead of waiting: every command times out after the
 * configured command timeout, and while the connection is down (Lettuce reconnects in the background) commands
 * are rejected at once rather than queued. The ports handed out here fail with the domain's
 * {@link dev.baton.store.StoreUnavailableException} then, never with Lettuce's exceptions.
 */
public final class RedisStores implements AutoCloseable {

    /** Bucket4j's buckets are bytes under our string keys. */
    static final RedisCodec<String, byte[]> BUCKET_CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final ClientResources resources;
    private final List<StatefulRedisConnection<String, String>> connections;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final StatefulRedisConnection<String, byte[]> bucketConnection;
    private final ConversationStore conversations;
    private final AgentQueue queue;
    private final Presence presence;
    private final Presence visitorPresence;
    private final LeftMessages leftMessages;
    private final ConversationEvents events;
    private final IntentPublication intents;
    private final Drafts drafts;
    private final IntentVersions intentVersions;
    private final AuditLog auditLog;
    private final CannedResponses cannedResponses;
    private final TrainerInbox inbox;
    private final AnswerRatings ratings;
    private final SharedSecrets secrets;
    private final DirectoryAgents directoryAgents;
    private final SatisfactionRatings satisfaction;
    private final VisitorContexts visitorContexts;
    private final ConversationOutcomes outcomes;
    private final RateLimiter rateLimiter;
    private final ConsentRecords consents;
    private final CustomerLinks customerLinks;
    private final RedisReactiveCommands<String, String> shared;
    private final RedisKeys keys;
    /** Subscribed once the subscriptions of events and intents are in place. */
    private final Mono<Void> ready;
    /** What must say goodbye at shutdown (this node's presence) and unsubscribe, in this order. */
    private final List<Runnable> goodbyes;

    private RedisStores(RedisClient client, ClientResources resources, List<StatefulRedisConnection<String, String>> connections,
                        StatefulRedisPubSubConnection<String, String> pubSub, StatefulRedisConnection<String, byte[]> bucketConnection,
                        RedisStoreSettings settings, Clock clock, JsonCodec json) {
        this.client = client;
        this.resources = resources;
        this.connections = connections;
        this.pubSub = pubSub;
        this.bucketConnection = bucketConnection;
        RedisKeys keys = new RedisKeys(settings.namespace());
        ConversationConnections byConversation = new ConversationConnections(
                connections.stream().map(StatefulRedisConnection::reactive).toList());
        RedisReactiveCommands<String, String> shared = byConversation.shared();
        RedisPresence agents = new RedisPresence(shared, keys.agentPresence(), settings.presenceGrace());
        RedisPresence visitors = new RedisPresence(shared, keys.visitorPresence(), settings.presenceGrace());
        PublishedEvents published = new PublishedEvents();
        RedisConversationEvents bus = new RedisConversationEvents(byConversation, pubSub, keys, json, published);
        RedisIntentPublication publication = new RedisIntentPublication(shared, pubSub, keys, json);
        this.conversations = StoreFailures.translated(ConversationStore.class,
                new RedisConversationStore(byConversation, keys, clock, settings.retention(), json, published));
        this.queue = StoreFailures.translated(AgentQueue.class, new RedisAgentQueue(shared, keys));
        this.presence = StoreFailures.translated(Presence.class, agents);
        this.visitorPresence = StoreFailures.translated(Presence.class, visitors);
        this.leftMessages = StoreFailures.translated(LeftMessages.class,
                new RedisLeftMessages(shared, keys, clock, settings.leftMessagesRetention(), json));
        this.events = StoreFailures.translated(ConversationEvents.class, bus);
        this.intents = StoreFailures.translated(IntentPublication.class, publication);
        this.drafts = StoreFailures.translated(Drafts.class, new RedisDrafts(shared, keys, json));
        this.intentVersions = StoreFailures.translated(IntentVersions.class, new RedisIntentVersions(shared, keys, json));
        this.auditLog = StoreFailures.translated(AuditLog.class, new RedisAuditLog(shared, keys, AuditLog.DEFAULT_ENTRIES, json));
        this.cannedResponses = StoreFailures.translated(CannedResponses.class, new RedisCannedResponses(shared, keys, json));
        this.inbox = StoreFailures.translated(TrainerInbox.class, new RedisTrainerInbox(shared, keys, clock, settings.inboxLimits(), json));
        this.ratings = StoreFailures.translated(AnswerRatings.class, new RedisAnswerRatings(shared, keys, settings.retention()));
        this.secrets = StoreFailures.translated(SharedSecrets.class, new RedisSharedSecrets(shared, keys));
        this.directoryAgents = StoreFailures.translated(DirectoryAgents.class, new RedisDirectoryAgents(shared, keys, json));
        this.outcomes = StoreFailures.translated(ConversationOutcomes.class,
                new RedisConversationOutcomes(shared, keys, settings.retention(), json));
        this.satisfaction = StoreFailures.translated(SatisfactionRatings.class,
                new RedisSatisfactionRatings(shared, keys, settings.retention(), json));
        this.visitorContexts = StoreFailures.translated(VisitorContexts.class,
                new RedisVisitorContexts(shared, keys, settings.retention(), json));
        this.rateLimiter = StoreFailures.translated(RateLimiter.class,
                new RedisRateLimiter(bucketConnection, keys, clock, settings.commandTimeout()));
        this.consents = StoreFailures.translated(ConsentRecords.class, new RedisConsentRecords(shared, keys, settings.retention()));
        this.customerLinks = StoreFailures.translated(CustomerLinks.class, new RedisCustomerLinks(shared, keys, settings.retention()));
        this.shared = shared;
        this.keys = keys;
        this.ready = bus.ready().and(publication.ready());
        this.goodbyes = List.of(agents::close, visitors::close, bus::close, publication::close);
    }

    /**
     * Connects and subscribes to the events channel. Blocks (up to about twice the command timeout): call it at
     * start-up, not on an event loop. Fails when Redis cannot be reached.
     *
     * @param mapper writes and reads the documents kept in Redis and sent between nodes (their shapes are fixed by
     *               the adapter's own records, whatever the mapper's defaults)
     */
    public static RedisStores connect(RedisStoreSettings settings, Clock clock, ObjectMapper mapper) {
        RedisURI uri = RedisURI.create(settings.url());
        uri.setTimeout(settings.commandTimeout());
        // Connections take the I/O threads round-robin: one thread each, the subscription's included.
        ClientResources resources = DefaultClientResources.builder().ioThreadPoolSize(settings.connections() + 1).build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(clientOptions(settings.commandTimeout()));
        List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
        StatefulRedisPubSubConnection<String, String> pubSub = null;
        StatefulRedisConnection<String, byte[]> bucketConnection = null;
        try {
            for (int i = 0; i < settings.connections(); i++) {
                connections.add(client.connect());
            }
            pubSub = client.connectPubSub();
            bucketConnection = client.connect(BUCKET_CODEC);
            RedisStores stores = new RedisStores(client, resources, List.copyOf(connections), pubSub, bucketConnection, settings, clock,
                    new JsonCodec(mapper));
            stores.ready.block(settings.commandTimeout().multipliedBy(2));
            return stores;
        } catch (RuntimeException e) {
            if (pubSub != null) {
                pubSub.close();
            }
            if (bucketConnection != null) {
                bucketConnection.close();
            }
            connections.forEach(StatefulRedisConnection::close);
            client.shutdown();
            resources.shutdown();
            throw e;
        }
    }

    /**
     * The Lettuce options Baton needs of any client it is given: commands time out after {@code commandTimeout},
     * and are rejected while disconnected instead of being queued until Redis is back.
     */
    public static ClientOptions clientOptions(Duration commandTimeout) {
        return ClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .build();
    }

    public ConversationStore conversations() {
        return conversations;
    }

    public AgentQueue queue() {
        return queue;
    }

    /** Agents' presence. */
    public Presence presence() {
        return presence;
    }

    /** Visitors' presence, by the conversation their socket follows. */
    public Presence visitorPresence() {
        return visitorPresence;
    }

    public LeftMessages leftMessages() {
        return leftMessages;
    }

    public ConversationEvents events() {
        return events;
    }

    public IntentPublication intents() {
        return intents;
    }

    /** The trainers' shared draft. */
    public Drafts drafts() {
        return drafts;
    }

    /** The published versions of the intent database. */
    public IntentVersions intentVersions() {
        return intentVersions;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public CannedResponses cannedResponses() {
        return cannedResponses;
    }

    /** The trainer's inbox of messages the bot did not handle well. */
    public TrainerInbox inbox() {
        return inbox;
    }

    /** Visitors' ratings of the bot's answers. */
    public AnswerRatings ratings() {
        return ratings;
    }

    /** Secrets every node agrees on. */
    public SharedSecrets secrets() {
        return secrets;
    }

    public DirectoryAgents directoryAgents() {
        return directoryAgents;
    }

    /** What visitors' browsers told of themselves, per conversation. */
    public VisitorContexts visitorContexts() {
        return visitorContexts;
    }

    /** What became of conversations, for the analytics. */
    public ConversationOutcomes outcomes() {
        return outcomes;
    }

    /** Visitors' satisfaction with the conversations agents resolved. */
    public SatisfactionRatings satisfaction() {
        return satisfaction;
    }

    /** Which privacy notice each conversation's visitor accepted. */
    public ConsentRecords consents() {
        return consents;
    }

    public CustomerLinks customerLinks() {
        return customerLinks;
    }

    /** Rate limits and lock-outs every node shares. */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Answers {@code PONG} when Redis answers; errors (within the command timeout) when it does not. */
    /** Claims every node agrees on, each kept for {@code keptFor} after it was made. */
    public DeliveryClaims deliveryClaims(Duration keptFor) {
        return StoreFailures.translated(DeliveryClaims.class, new RedisDeliveryClaims(shared, keys, keptFor));
    }

    public Mono<String> ping() {
        return connections.get(0).reactive().ping();
    }

    /** Removes this node's agents and visitors from presence, unsubscribes, and closes the connections and the client. */
    @Override
    public void close() {
        try {
            goodbyes.forEach(Runnable::run);
        } finally {
            pubSub.close();
            bucketConnection.close();
            connections.forEach(StatefulRedisConnection::close);
            client.shutdown();
            resources.shutdown();
        }
    }
}
