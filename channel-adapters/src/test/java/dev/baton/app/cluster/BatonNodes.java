package dev.baton.app.cluster;

import dev.baton.app.BatonApplication;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import dev.baton.conversation.ConversationStore;
import dev.baton.store.redis.RedisConversationStore;
import dev.baton.store.redis.RedisKeys;
import dev.baton.store.redis.RedisServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Baton nodes sharing one Redis (the test JVM's own, {@link RedisServer#shared()}), each a whole application on its
 * own port, as separate machines would run it. All nodes of a test class share a random key namespace; afterwards
 * every key in it is deleted (the test classes of a JVM share the server) and the nodes are stopped.
 */
final class BatonNodes implements AfterAllCallback {


    private final String namespace = "baton-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    /** The test JVM's Redis, which nodes share unless a test gives them one of its own. */
    static String redis() {
        return RedisServer.shared().url();
    }

    /** Starts a node on the test JVM's Redis. */
    Node start() {
        return startOn(redis());
    }

    /** Starts a node on the test JVM's Redis that reads its intent files from {@code intents}. */
    Node startWithIntents(Path intents) {
        return startOn(redis(), "baton.intents=" + intents);
    }

    /**
     * Starts a node on the Redis at {@code redisUrl}, with extra {@code key=value} properties; its intent files are
     * the shipped ones unless {@code baton.intents} is among them.
     */
    Node startOn(String redisUrl, String... extraProperties) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--baton.store=redis", "--baton.redis.url=" + redisUrl, "--baton.redis.namespace=" + namespace));
        if (Stream.of(extraProperties).noneMatch(p -> p.startsWith("baton.intents="))) {
            arguments.add("--baton.intents=../intents");
        }
        if (redisUrl.equals(redis())) {
            // Nobody stops the shared Redis, so a slow command there is a busy machine, not an outage: a node's
            // 2 s would fail a test for it (a CI run once lost a test to one command over 2 s). Outage tests run
            // a Redis of their own and keep the default.
            arguments.add("--baton.redis.command-timeout=10s");
        }
        List.of(extraProperties).forEach(p -> arguments.add("--" + p));
        // Arguments, not default properties: they must win over application.yml, as they would on a real node.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BatonApplication.class)
                .run(arguments.toArray(String[]::new));
        nodes.add(context);
        return new Node(context, Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    String namespace() {
        return namespace;
    }

    /**
     * The conversation store as a node on {@code redisUrl} sees it, for a test to write what a node killed halfway
     * would have left behind.
     */
    DirectStore storeOn(String redisUrl) {
        return new DirectStore(RedisClient.create(redisUrl), namespace);
    }

    static final class DirectStore implements AutoCloseable {
        private final RedisClient client;
        private final StatefulRedisConnection<String, String> connection;
        private final ConversationStore store;

        private DirectStore(RedisClient client, String namespace) {
            this.client = client;
            this.connection = client.connect();
            this.store = new RedisConversationStore(connection.reactive(), new RedisKeys(namespace), Clock.systemUTC(),
                    RedisConversationStore.DEFAULT_RETENTION);
        }

        ConversationStore store() {
            return store;
        }

        RedisCommands<String, String> commands() {
            return connection.sync();
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }

    record Node(ConfigurableApplicationContext context, int port) {
        void stop() {
            context.close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        nodes.forEach(ConfigurableApplicationContext::close);
        deleteKeys(redis(), namespace);
    }

    static void deleteKeys(String redisUrl, String namespace) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = new ArrayList<>();
            ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(namespace + "*").limit(500)).forEachRemaining(keys::add);
            if (!keys.isEmpty()) {
                connection.sync().unlink(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }
}
