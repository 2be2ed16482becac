package dev.baton.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Baton "nodes" on the test JVM's own Redis ({@link RedisServer#shared()}): two Lettuce clients, as two processes
 * would have. Every test gets its own random namespace, and every key in it is deleted after the test — the test
 * classes of a JVM share the server — with a check that none is left.
 */
final class RedisNodes implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /**
     * As long as the contract suites wait for an answer. A node's 2 seconds would make these tests fail on a busy
     * machine rather than on a wrong answer: a CI run once failed on one {@code HGETALL} that took over 2 s. Tests of
     * what a timeout does give their own clients a short one.
     */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final List<RedisClient> clients = new ArrayList<>();
    private final Deque<AutoCloseable> afterEach = new ArrayDeque<>();
    private StatefulRedisConnection<String, String> nodeA;
    private StatefulRedisConnection<String, String> nodeB;
    private RedisClient clientA;
    private RedisClient clientB;
    private RedisKeys keys;

    @Override
    public void beforeAll(ExtensionContext context) {
        clientA = newClient();
        clientB = newClient();
        nodeA = clientA.connect();
        nodeB = clientB.connect();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        keys = new RedisKeys("baton-test-" + UUID.randomUUID().toString().substring(0, 8) + ":");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        while (!afterEach.isEmpty()) {
            afterEach.pop().close();
        }
        RedisCommands<String, String> redis = nodeA.sync();
        List<String> left = keysLeft();
        if (!left.isEmpty()) {
            redis.unlink(left.toArray(String[]::new));
        }
        assertThat(keysLeft()).as("keys left in namespace %s", keys.namespace()).isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        nodeA.close();
        nodeB.close();
        clients.forEach(RedisClient::shutdown);
    }

    /** A client as a Baton node configures it; shut down after the test class. */
    RedisClient newClient() {
        return newClient(COMMAND_TIMEOUT);
    }

    RedisClient newClient(Duration commandTimeout) {
        RedisClient client = RedisClient.create(RedisURI.create(url()));
        client.setOptions(RedisStores.clientOptions(commandTimeout));
        clients.add(client);
        return client;
    }

    static String url() {
        return RedisServer.shared().url();
    }

    RedisKeys keys() {
        return keys;
    }

    RedisReactiveCommands<String, String> nodeA() {
        return nodeA.reactive();
    }

    RedisReactiveCommands<String, String> nodeB() {
        return nodeB.reactive();
    }

    /** For looking at what is stored. */
    RedisCommands<String, String> inspect() {
        return nodeA.sync();
    }

    /** Closed after the test, before its keys are deleted (latest first, pub/sub connections last). */
    <T extends AutoCloseable> T closeAfterTest(T closeable) {
        afterEach.push(closeable);
        return closeable;
    }

    StatefulRedisPubSubConnection<String, String> newPubSub(boolean onNodeA) {
        StatefulRedisPubSubConnection<String, String> pubSub = (onNodeA ? clientA : clientB).connectPubSub();
        afterEach.addLast(pubSub::close); // closed after the buses that use it
        return pubSub;
    }

    List<String> keysLeft() {
        List<String> found = new ArrayList<>();
        ScanIterator.scan(nodeA.sync(), ScanArgs.Builder.matches(keys.everything()).limit(500)).forEachRemaining(found::add);
        return found;
    }
}
