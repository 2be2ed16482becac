package dev.baton.store.redis;

import dev.baton.inbox.TrainerInbox;
import dev.baton.store.StoreUnavailableException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import tools.jackson.databind.json.JsonMapper;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When Redis cannot be reached, operations error, by the command timeout at the latest: they neither hang nor vanish. */
class RedisUnreachableTest {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void connectingToARedisThatIsNotThereFailsPromptly() throws IOException {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        RedisStoreSettings settings = new RedisStoreSettings("redis://127.0.0.1:" + freePort, redis.keys().namespace(),
                Duration.ofDays(1), Duration.ofSeconds(30), COMMAND_TIMEOUT, 2, Duration.ofDays(1), TrainerInbox.Limits.DEFAULTS);

        assertThat(CompletableFuture.supplyAsync(() -> RedisStores.connect(settings, Clock.systemUTC(), JsonMapper.builder().build())))
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableThat().havingRootCause().isInstanceOf(ConnectException.class);
    }

    @Test
    void commandsTimeOutWhenRedisStopsAnsweringAndSayTheStoreIsUnavailable() throws IOException {
        FreezableProxy proxy = closeLater(new FreezableProxy(URI.create(RedisNodes.url())));
        RedisStores stores = closeLater(RedisStores.connect(settingsThrough(proxy), Clock.systemUTC(), JsonMapper.builder().build()));
        assertThat(stores.conversations().find("c-1").blockOptional(Duration.ofSeconds(10))).isEmpty();

        proxy.freeze();

        // Lettuce's timeout, not block()'s (which would throw an IllegalStateException after 10 s): it ended the wait
        assertThatThrownBy(() -> stores.conversations().find("c-1").block(Duration.ofSeconds(10)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasCauseInstanceOf(RedisCommandTimeoutException.class);
        proxy.thaw(); // lets the stores say goodbye quickly
    }

    @Test
    void commandsFailAtOnceWhileTheConnectionIsDown() throws IOException, InterruptedException {
        FreezableProxy proxy = closeLater(new FreezableProxy(URI.create(RedisNodes.url())));
        RedisClient client = redis.newClient();
        StatefulRedisConnection<String, String> connection = client.connect(io.lettuce.core.RedisURI.create(proxy.url()));
        RedisAgentQueue queue = new RedisAgentQueue(connection.reactive(), redis.keys());
        assertThat(queue.waiting().collectList().block(Duration.ofSeconds(10))).isEmpty();

        proxy.close(); // Redis is gone, and reconnecting finds nobody
        Awaitility.await("Lettuce notices the connection is gone").atMost(Duration.ofSeconds(10))
                .until(() -> !connection.isOpen());

        // Rejected, not left waiting for the client's command timeout (10 s) nor block()'s
        assertThatThrownBy(() -> queue.waiting().collectList().block(Duration.ofSeconds(5)))
                .isInstanceOf(RedisException.class)
                .isNotInstanceOf(RedisCommandTimeoutException.class)
                .hasMessageContaining("not connected");
        connection.close();
    }

    @Test
    void anAgentWhoseConsoleCouldNotBeRegisteredIsNotKeptOnlineLater() throws IOException, InterruptedException {
        FreezableProxy proxy = closeLater(new FreezableProxy(URI.create(RedisNodes.url())));
        StatefulRedisConnection<String, String> connection = redis.newClient(COMMAND_TIMEOUT)
                .connect(io.lettuce.core.RedisURI.create(proxy.url()));
        Duration grace = Duration.ofMillis(300);
        RedisPresence flaky = closeLater(new RedisPresence(connection.reactive(), redis.keys().agentPresence(), grace));
        RedisPresence healthy = closeLater(new RedisPresence(redis.nodeA(), redis.keys().agentPresence(), grace));

        proxy.freeze();
        assertThatThrownBy(() -> flaky.connected("alice").block(Duration.ofSeconds(5)))
                .isInstanceOf(RedisCommandTimeoutException.class);
        proxy.thaw(); // the held write now reaches Redis, after the node gave up on it
        // The late entry lapses within the grace, unless the flaky node's heartbeats keep it: nobody is counted
        // for a whole grace period and more.
        Awaitility.await("alice is not kept online").during(grace.multipliedBy(3)).atMost(grace.multipliedBy(20))
                .until(() -> healthy.onlineCount().block(Duration.ofSeconds(10)) == 0);
        closeLater(connection::close);
    }

    private RedisStoreSettings settingsThrough(FreezableProxy proxy) {
        return new RedisStoreSettings(proxy.url(), redis.keys().namespace(), Duration.ofDays(1), Duration.ofSeconds(30),
                COMMAND_TIMEOUT, 2, Duration.ofDays(1), TrainerInbox.Limits.DEFAULTS);
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(0, closeable);
        return closeable;
    }

    /** A TCP proxy in front of Redis that can hold traffic for a while (Redis hangs) or go away (Redis is down). */
    private static final class FreezableProxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final URI target;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean frozen;

        FreezableProxy(URI target) throws IOException {
            this.target = target;
            Thread accept = new Thread(this::accept, "proxy-accept");
            accept.setDaemon(true);
            accept.start();
        }

        String url() {
            return "redis://127.0.0.1:" + server.getLocalPort();
        }

        void freeze() {
            frozen = true;
        }

        void thaw() {
            frozen = false;
        }

        private void accept() {
            try {
                while (!server.isClosed()) {
                    Socket client = server.accept();
                    Socket upstream = new Socket(target.getHost(), target.getPort());
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                }
            } catch (IOException closed) {
                // the proxy was closed
            }
        }

        private void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        while (frozen && !server.isClosed()) {
                            Thread.sleep(5); // hold the bytes, like a stalled network or a busy Redis
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException closed) {
                    // either side closed
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
                closeQuietly(from);
                closeQuietly(to);
            }, "proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() {
            closeQuietly(server);
            sockets.forEach(FreezableProxy::closeQuietly);
        }

        private static void closeQuietly(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }
}
