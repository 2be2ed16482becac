package dev.baton.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.ObjectMapper;
import dev.baton.app.wire.OpenSockets;
import dev.baton.app.wire.OutboundFrames;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Maps every channel's WebSocket endpoint. */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    /**
     * Frames up to this size are read and answered (an over-long message gets a clear "message_too_long"
     * error); only beyond it does the transport close the socket. Netty's default of 64 KiB would drop a
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
        return new WebSocketHandlerAdapter(new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(MAX_FRAME_BYTES))));
    }

    @Bean
    OutboundFrames outboundFrames(ObjectMapper mapper) {
        return new OutboundFrames(mapper);
    }

    @Bean
    OpenSockets openSockets(OutboundFrames frames) {
        return new OpenSockets(frames);
    }
}
