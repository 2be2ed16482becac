package dev.baton.app.load;

import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transport baseline: a bare WebSocket endpoint at {@code /ws/visitor} that speaks just enough of Baton's
 * visitor protocol for the load generator — {@code hello} and {@code new_conversation} get a {@code welcome},
 * {@code ping} a {@code pong}, and every {@code message} the visitor's echo and a bot reply, framed exactly like
 * Baton's (ids increasing by one per conversation, {@code clientMessageId} on the echo) — and does no other work:
 * no store, no classifier, no events. Frames are read and written with Jackson as Baton does, so the difference
 * between the two is Baton's own work.
 *
 * <p>By default it runs on Spring WebFlux's WebSocket support (as Baton does, minus Spring Boot, security and
 * the dispatcher); {@code --netty} serves the same with plain Reactor Netty.
 *
 * <pre>java -cp … dev.baton.app.load.EchoServer [--port 18091] [--netty]</pre>
 */
public final class EchoServer implements AutoCloseable {

    static final String PATH = "/ws/visitor";

    /** A typical Baton answer's size, with two follow-up buttons like most shipped intents. */
    private static final String REPLY = "We ship within 1-2 working days; delivery takes 2-4 working days in Italy "
            + "and 3-7 in the rest of the EU. You get a tracking link by email.";
    private static final List<Map<String, String>> QUICK_REPLIES = List.of(
            Map.of("label", "Delivery times", "payload", "intent:delivery_times"),
            Map.of("label", "Track my order", "payload", "intent:order_status"));

    private static final ObjectMapper MAPPER = LoadJson.MAPPER;
    /** Conversation ids; a counter, since UUID.randomUUID() may block on the event loop reading /dev/urandom. */
    private static final AtomicLong CONVERSATIONS = new AtomicLong();
    /** The {@code retryAfterMs} of the {@code busy} errors of {@link #refusingEachMessageOnce}. */
    static final long RETRY_AFTER_MS = 50;

    private final DisposableServer server;

    private EchoServer(DisposableServer server) {
        this.server = server;
    }

    /** Starts on {@code port} (0: any free port) of 127.0.0.1 with Spring WebFlux. */
    public static EchoServer start(int port) {
        return start(port, false);
    }

    public static EchoServer start(int port, boolean plainNetty) {
        return start(port, plainNetty, false);
    }

    /**
     * An echo server that answers each {@code message} the first time its {@code clientMessageId} comes with
     * {@code busy} (nothing stored, retry after {@link #RETRY_AFTER_MS}), and echoes and answers it when it comes again:
     * how a node past its admission bound behaves, for testing the generator's resends.
     */
    public static EchoServer refusingEachMessageOnce(int port) {
        return start(port, false, true);
    }

    private static EchoServer start(int port, boolean plainNetty, boolean refuseFirstTries) {
        // Jackson builds its (de)serialisers on first use under a lock, which must not happen on an event loop.
        EchoConversation warmUp = new EchoConversation(false);
        for (String frame : List.of("{\"type\":\"hello\",\"visitorId\":\"warm-up-1\"}",
                "{\"type\":\"message\",\"text\":\"hi\",\"clientMessageId\":\"m1\"}", "{\"type\":\"ping\"}", "{}", "[")) {
            warmUp.respond(frame);
        }
        HttpServer http = HttpServer.create().host("127.0.0.1").port(port);
        if (plainNetty) {
            return new EchoServer(http.route(routes -> routes.ws(PATH, (in, out) -> {
                EchoConversation conversation = new EchoConversation(false);
                return out.sendString(in.receive().asString().concatMapIterable(conversation::respond));
            })).bindNow());
        }
        WebSocketHandler handler = session -> {
            EchoConversation conversation = new EchoConversation(refuseFirstTries);
            return session.send(session.receive()
                    .map(WebSocketMessage::getPayloadAsText)
                    .concatMapIterable(conversation::respond)
                    .map(session::textMessage));
        };
        HandshakeWebSocketService sockets = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy());
        WebHandler web = exchange -> {
            if (PATH.equals(exchange.getRequest().getPath().value())) {
                return sockets.handleRequest(exchange, handler);
            }
            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            return exchange.getResponse().setComplete();
        };
        // Codecs are created here rather than on the first request: their set-up reads a file, which must not
        // happen on an event-loop thread (BlockHound fails tests that do).
        HttpHandler httpHandler = WebHttpHandlerBuilder.webHandler(web).codecConfigurer(ServerCodecConfigurer.create()).build();
        return new EchoServer(http.handle(new ReactorHttpHandlerAdapter(httpHandler)).bindNow());
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 18091;
        boolean netty = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--netty" -> netty = true;
                default -> port = Integer.parseInt(args[i]);
            }
        }
        EchoServer server = start(port, netty);
        System.err.println("echo server (" + (netty ? "reactor-netty" : "webflux") + ") on ws://127.0.0.1:" + server.port() + PATH);
        Thread.currentThread().join();
    }

    /** One socket's conversation: its id and the last message id. Frames of one socket arrive one at a time. */
    private static final class EchoConversation {
        private final boolean refuseFirstTries;
        private final Set<String> refused = new HashSet<>();
        private String conversationId;
        private long lastId;

        EchoConversation(boolean refuseFirstTries) {
            this.refuseFirstTries = refuseFirstTries;
        }

        List<String> respond(String text) {
            JsonNode frame;
            try {
                frame = MAPPER.readTree(text);
            } catch (RuntimeException e) {
                return List.of(error("malformed_json", "the frame is not valid JSON"));
            }
            String type = frame.path("type").asString("");
            switch (type) {
                case "hello", "new_conversation" -> {
                    conversationId = "c-echo-" + CONVERSATIONS.incrementAndGet();
                    lastId = 0;
                    Map<String, Object> welcome = frame("welcome");
                    welcome.put("visitorId", frame.path("visitorId").asString(null));
                    welcome.put("conversationId", conversationId);
                    welcome.put("state", "BOT");
                    welcome.put("language", frame.path("language").asString(null));
                    welcome.put("resumed", false);
                    welcome.put("messages", List.of());
                    welcome.put("queue", null);
                    welcome.put("agentName", null);
                    return List.of(MAPPER.writeValueAsString(welcome));
                }
                case "ping" -> {
                    return List.of(MAPPER.writeValueAsString(frame("pong")));
                }
                case "message" -> {
                    if (conversationId == null) {
                        return List.of(error("hello_required", "send a \"hello\" frame first"));
                    }
                    String said = frame.path("text").asString("");
                    String clientMessageId = frame.path("clientMessageId").asString(null);
                    if (refuseFirstTries && clientMessageId != null && refused.add(clientMessageId)) {
                        Map<String, Object> busy = frame("error");
                        busy.put("code", "busy");
                        busy.put("message", "too many messages at once; nothing was stored; send it again in a moment");
                        busy.put("retryAfterMs", RETRY_AFTER_MS);
                        busy.put("clientMessageId", clientMessageId);
                        return List.of(MAPPER.writeValueAsString(busy));
                    }
                    List<String> out = new ArrayList<>(2);
                    out.add(message("visitor", said, List.of(), clientMessageId));
                    out.add(message("bot", REPLY, QUICK_REPLIES, null));
                    return out;
                }
                default -> {
                    return List.of(error("unknown_type", "unknown frame type \"" + type + "\""));
                }
            }
        }

        private String message(String from, String text, List<Map<String, String>> quickReplies, String clientMessageId) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", ++lastId);
            message.put("from", from);
            message.put("text", text);
            message.put("quickReplies", quickReplies);
            message.put("at", Instant.now().toString());
            message.put("agentName", null);
            message.put("clientMessageId", clientMessageId);
            Map<String, Object> frame = frame("message");
            frame.put("message", message);
            return MAPPER.writeValueAsString(frame);
        }

        private static String error(String code, String text) {
            Map<String, Object> frame = frame("error");
            frame.put("code", code);
            frame.put("message", text);
            return MAPPER.writeValueAsString(frame);
        }

        private static Map<String, Object> frame(String type) {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("type", type);
            return frame;
        }
    }
}
