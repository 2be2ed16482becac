package dev.baton.store.redis;

import dev.baton.handoff.LeftMessages;
import dev.baton.inbox.TrainerInbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Redis and how long to keep things there.
 *
 * @param url            a Redis URI, e.g. {@code redis://127.0.0.1:6379}, {@code rediss://:secret@host:6380/0} or
 *                       {@code redis-sentinel://host1:26379,host2:26379/0#mymaster}
 * @param namespace      prefix of every key and channel ({@link RedisKeys}); nodes of one installation share it
 * @param retention      how long a resolved conversation and its transcript are kept
 * @param presenceGrace  how long an agent or visitor of a node that died without a word still counts as online
 * @param commandTimeout how long any Redis command (and connecting) may take before it errors
 * @param connections    how many command connections the node spreads its conversations over (see
 *                       {@link ConversationConnections}); one per core serves a node best
 * @param leftMessagesRetention how long a left message is kept, from when it was left
 * @param inboxLimits    how long and how many wordings the trainer's inbox keeps
 */
public record RedisStoreSettings(String url, String namespace, Duration retention, Duration presenceGrace,
                                 Duration commandTimeout, int connections, Duration leftMessagesRetention,
                                 TrainerInbox.Limits inboxLimits) {

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

    public RedisStoreSettings {
        Objects.requireNonNull(url, "url");
        new RedisKeys(namespace);
        requirePositive(retention, "retention");
        requirePositive(presenceGrace, "presenceGrace");
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(leftMessagesRetention, "leftMessagesRetention");
        Objects.requireNonNull(inboxLimits, "inboxLimits");
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1: " + connections);
        }
    }

    /**
     * The defaults: namespace {@code baton:}, 30 days' retention, 30 seconds' grace, 2-second command timeout, a
     * connection per core, 30 days for left messages, the inbox's default limits.
     */
    public static RedisStoreSettings of(String url) {
        return new RedisStoreSettings(url, RedisKeys.DEFAULT_NAMESPACE, RedisConversationStore.DEFAULT_RETENTION,
                RedisPresence.DEFAULT_GRACE, DEFAULT_COMMAND_TIMEOUT, defaultConnections(), LeftMessages.DEFAULT_RETENTION,
                TrainerInbox.Limits.DEFAULTS);
    }

    public static int defaultConnections() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
