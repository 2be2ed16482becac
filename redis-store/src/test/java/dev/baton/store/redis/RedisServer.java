package dev.baton.store.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A redis-server child process of the test JVM's own, on a free loopback port, so that tests never touch a Redis
 * that anyone else uses (nor depend on one running). {@link #shared()} is the one most tests use: started on first
 * use, once per test JVM, with nothing persisted, and stopped when the JVM exits. {@link #restartable} is one a test
 * may stop and start again (an outage), which keeps its data in an append-only file so that a restart loses nothing.
 *
 * <p>Needs {@code redis-server} (7.0 or later) on the {@code PATH}; without it, tests fail saying so.
 */
public final class RedisServer implements AutoCloseable {

    private static final long READY_WITHIN_SECONDS = 20;
    private static final String READY = "Ready to accept connections";
    private static final int LOG_LINES_KEPT = 20;

    private static RedisServer shared;

    private final int port;
    private final List<String> persistence;
    private Process process;

    private RedisServer(List<String> persistence) {
        this.port = freePort();
        this.persistence = persistence;
    }

    /** The test JVM's Redis: started by the first caller, stopped at JVM exit. Tests share it by key namespace. */
    public static synchronized RedisServer shared() {
        if (shared == null) {
            RedisServer server = new RedisServer(List.of("--save", "", "--appendonly", "no"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "redis-server-stop"));
            shared = server;
        }
        return shared;
    }

    /** A Redis of one test's own, not started yet, keeping its data in {@code directory} across restarts. */
    public static RedisServer restartable(Path directory) {
        return new RedisServer(List.of("--save", "", "--appendonly", "yes", "--dir", directory.toString()));
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Returns once the server accepts connections. */
    public synchronized void start() {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1"));
        command.addAll(persistence);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server, which the Redis tests run a private one of: "
                    + "is it installed (apt-get install redis-server)?", e);
        }
        awaitReady(process);
    }

    /** Returns once the server has exited, so that its port is closed. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Reads the server's log until it says it is ready, then keeps reading it (a child whose output nobody reads
     * stalls once the pipe is full); the last lines go into the error if it never gets ready.
     */
    private void awaitReady(Process server) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Deque<String> lastLines = new ArrayDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader log = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = log.readLine(); line != null; line = log.readLine()) {
                    if (!ready.isDone()) {
                        synchronized (lastLines) {
                            lastLines.addLast(line);
                            if (lastLines.size() > LOG_LINES_KEPT) {
                                lastLines.removeFirst();
                            }
                        }
                        if (line.contains(READY)) {
                            ready.complete(null);
                        }
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("redis-server exited"));
        }, "redis-server-log-" + port);
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(READY_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            server.destroyForcibly();
            synchronized (lastLines) {
                throw new IllegalStateException("redis-server on port " + port + " did not get ready within "
                        + READY_WITHIN_SECONDS + " s; its last words:\n" + String.join("\n", lastLines), e);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while redis-server was starting", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
