package dev.baton.app.config;

import dev.baton.app.wire.LingeringClose;
import dev.baton.app.wire.MessageAdmission;
import dev.baton.app.wire.OpenSockets;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.app.wire.SocketLimits;
import dev.baton.app.wire.SocketPipeline;
import dev.baton.engine.QuotedValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.core.ErrorReportConfiguration;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Maps every channel's WebSocket endpoint, and sets how every socket's frames go in and out. */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    /**
     * Frames up to this size are read and answered (an over-long message gets a clear "message_too_long"
     * error); only beyond it does the transport close the socket (1009). Netty's default of 64 KiB would drop a
     * 100 KB paste without a word.
     */
    static final int MAX_FRAME_BYTES = 512 * 1024;

    @Bean
    HandlerMapping socketRoutes(List<SocketRoute> routes) {
        Map<String, Object> byPath = routes.stream().collect(Collectors.toMap(SocketRoute::path, SocketRoute::handler));
        return new SimpleUrlHandlerMapping(byPath, -1);
    }

    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter() {
        return new WebSocketHandlerAdapter(new HandshakeWebSocketService(new LingeringUpgradeStrategy()));
    }

    /** Upgrades with our frame limit, onto a connection whose close lingers (see {@link LingeringClose}). */
    private static final class LingeringUpgradeStrategy extends ReactorNettyRequestUpgradeStrategy {

        LingeringUpgradeStrategy() {
            super(() -> WebsocketServerSpec.builder().maxFramePayloadLength(MAX_FRAME_BYTES));
        }

        @Override
        public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, String subProtocol,
                                  Supplier<HandshakeInfo> handshakeInfo) {
            HttpServerResponse response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
            response.withConnection(connection -> LingeringClose.install(connection.channel()));
            return super.upgrade(exchange, handler, subProtocol, handshakeInfo);
        }
    }

    @Bean
    OutboundFrames outboundFrames(ObjectMapper mapper) {
        return new OutboundFrames(mapper);
    }

    @Bean
    OpenSockets openSockets() {
        return new OpenSockets();
    }

    @Bean
    SocketLimits socketLimits(BatonProperties properties) {
        BatonProperties.Sockets sockets = properties.sockets();
        return new SocketLimits(sockets.maxUnsentFrames(), sockets.maxQueuedFrames(),
                sockets.messagesInFlightPerConnection(), sockets.messagesInFlightPerNode(), sockets.busyRetryAfter(),
                sockets.maxMessagesWhileLoading());
    }

    @Bean
    SocketPipeline socketPipeline(OutboundFrames frames, SocketLimits limits, MeterRegistry meters) {
        Counter tooFarBehind = Counter.builder("baton.sockets.closed").tag("reason", "too_far_behind")
                .description("sockets closed because their client stopped reading").register(meters);
        return new SocketPipeline(frameReader(), frames, limits, new MessageAdmission(limits), tooFarBehind::increment);
    }

    /**
     * Reads clients' frames. A parse error quotes the offending token, which Jackson cuts at 256 characters by
     * default; the {@code malformed_json} error quotes no more of what the client sent than any other error does.
     */
    private static ObjectMapper frameReader() {
        ErrorReportConfiguration quoting = ErrorReportConfiguration.builder()
                .maxErrorTokenLength(QuotedValue.MAX_CODE_POINTS)
                .maxRawContentLength(QuotedValue.MAX_CODE_POINTS)
                .build();
        return JsonMapper.builder(JsonFactory.builder().errorReportConfiguration(quoting).build()).build();
    }
}
