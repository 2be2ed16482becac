package dev.baton.app.journey;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client for tests: sends frames as a widget or console would and lets a test wait for the
 * frames it expects, keeping every frame it saw.
 */
public final class ChatSocket implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Sinks.Many<WebSocketFrame> outbound = Sinks.many().unicast().onBackpressureBuffer();
    // Lock-free for the event loop that adds to it: a LinkedBlockingQueue's lock, contended by a test thread polling
    // it, parked the client's event loop, BlockHound failed the receive, and the client saw no frame after that
    // (the flood and observability tests' "no frame within 10 s" in CI).
    private final BlockingQueue<JsonNode> inbound = new LinkedTransferQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final Sinks.One<Integer> closedWith = Sinks.one();
    // What ended the connection, for a failed wait to say: a refused handshake or a close shows no frame at all.
    private volatile String ended = "still open";
    private final Disposable connection;
    private volatile Channel channel;

    private ChatSocket(String url, Map<String, String> headers) {
        HttpClient.WebsocketSender client = HttpClient.create()
                .headers(h -> headers.forEach(h::set))
                .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build());
        connection = client.uri(url).handle((in, out) -> {
            in.withConnection(c -> channel = c.channel());
            in.receiveCloseStatus().subscribe(status -> {
                ended = "closed by the server with " + status;
                closedWith.tryEmitValue(status.code());
            });
            in.receive().asString().map(JSON::readTree).subscribe(inbound::add);
            // Each frame flushed as it is sent, as a browser does, not in batches: in 3 of 40 flood runs on a loaded
            // machine, frames sat between this client and the server for seconds; batching was the one way this
            // client differed from a browser's.
            return out.sendObject(outbound.asFlux(), frame -> true);
        }).subscribe(done -> { }, failure -> ended = "failed: " + failure);
    }

    public static ChatSocket connect(int port, String path) {
        return new ChatSocket("ws://localhost:" + port + path, Map.of());
    }

    /** A socket whose handshake says it comes through a proxy from {@code address} ({@code X-Forwarded-For}). */
    public static ChatSocket connectFrom(int port, String path, String address) {
        return new ChatSocket("ws://localhost:" + port + path, Map.of("X-Forwarded-For", address));
    }

    public static ChatSocket connect(int port, String path, String cookie) {
        return connectWith(port, path, Map.of(HttpHeaderNames.COOKIE.toString(), cookie));
    }

    /** A socket whose handshake carries {@code headers} (credentials, an origin). */
    public static ChatSocket connectWith(int port, String path, Map<String, String> headers) {
        return new ChatSocket("ws://localhost:" + port + path, headers);
    }

    public ChatSocket send(Map<String, ?> frame) {
        return sendRaw(JSON.writeValueAsString(frame));
    }

    public ChatSocket sendRaw(String text) {
        return sendFrame(new TextWebSocketFrame(text));
    }

    /** A text frame holding exactly {@code bytes}, UTF-8 or not. */
    public ChatSocket sendTextBytes(byte[] bytes) {
        return sendFrame(new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
    }

    /** A binary frame holding exactly {@code bytes}. */
    public ChatSocket sendBinary(byte[] bytes) {
        return sendFrame(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
    }

    private synchronized ChatSocket sendFrame(WebSocketFrame frame) {
        outbound.tryEmitNext(frame);
        return this;
    }

    /** Stops reading from the connection, as a client that hangs would; the server's frames pile up. */
    public void pauseReading() {
        awaitChannel().config().setAutoRead(false);
    }

    public void resumeReading() {
        Channel open = awaitChannel();
        open.config().setAutoRead(true);
        open.read();
    }

    private Channel awaitChannel() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (channel == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return java.util.Objects.requireNonNull(channel, "not connected");
    }

    /** Waits for the next frame of {@code type} ({@code *} for any) that matches, skipping (but remembering) others. */
    public JsonNode await(String type, Predicate<JsonNode> matching) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (seen) {
            for (JsonNode frame : seen) {
                if (isUnclaimed(frame, type, matching)) {
                    claimed.add(frame);
                    return frame;
                }
            }
        }
        try {
            while (System.nanoTime() < deadline) {
                JsonNode frame = inbound.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    break;
                }
                synchronized (seen) {
                    seen.add(frame);
                    if (isUnclaimed(frame, type, matching)) {
                        claimed.add(frame);
                        return frame;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no '" + type + "' frame as expected within " + PATIENCE + "; connection " + ended + "; frames seen: " + seen);
    }

    public JsonNode await(String type) {
        return await(type, f -> true);
    }

    /**
     * Waits until an agent console's queue shows {@code conversationId} — in the whole queue ({@code queue}) or as
     * one that joined ({@code queue_update}) — and returns its queue entry. Queue changes are coalesced, so one frame
     * may announce several conversations: frames already seen (even claimed by an earlier wait) are searched first.
     */
    public JsonNode awaitQueued(String conversationId) {
        Predicate<JsonNode> entry = e -> e.get("conversationId").stringValue().equals(conversationId);
        Predicate<JsonNode> announcing = f -> entries(f).stream().anyMatch(entry);
        JsonNode frame = frames().stream().filter(announcing).findFirst().orElseGet(() -> await("*", announcing));
        return entries(frame).stream().filter(entry).findFirst().orElseThrow();
    }

    private static List<JsonNode> entries(JsonNode frame) {
        String type = frame.get("type").stringValue();
        JsonNode list = type.equals("queue") ? frame.get("conversations") : type.equals("queue_update") ? frame.get("added") : null;
        List<JsonNode> entries = new ArrayList<>();
        if (list != null) {
            list.forEach(entries::add);
        }
        return entries;
    }

    /** Waits for a chat message with {@code from}, returning the message object. */
    public JsonNode awaitMessage(String from, Predicate<JsonNode> matching) {
        return await("message", f -> f.get("message").get("from").stringValue().equals(from) && matching.test(f.get("message")))
                .get("message");
    }

    public JsonNode awaitMessage(String from) {
        return awaitMessage(from, m -> true);
    }

    // By identity: two frames with the same content (two identical errors) are still two frames.
    private final java.util.Set<JsonNode> claimed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private boolean isUnclaimed(JsonNode frame, String type, Predicate<JsonNode> matching) {
        return !claimed.contains(frame) && ("*".equals(type) || type.equals(frame.get("type").stringValue())) && matching.test(frame);
    }

    /** The conversation the latest {@code welcome} named. */
    public String conversationId() {
        return frames().stream().filter(f -> f.get("type").stringValue().equals("welcome"))
                .reduce((first, last) -> last).orElseThrow().get("conversationId").stringValue();
    }

    /** Every conversation this console was shown in its queue so far. */
    public List<String> queuedConversationIds() {
        return frames().stream()
                .filter(f -> List.of("queue", "queue_update").contains(f.get("type").stringValue()))
                .flatMap(f -> f.findValuesAsString("conversationId").stream())
                .toList();
    }

    /** Every frame received so far. */
    public List<JsonNode> frames() {
        synchronized (seen) {
            inbound.drainTo(seen);
            return List.copyOf(seen);
        }
    }

    public Integer awaitClose() {
        return closedWith.asMono().block(PATIENCE);
    }

    @Override
    public void close() {
        outbound.tryEmitComplete();
        connection.dispose();
    }
}
