package dev.baton.app.config;

import org.springframework.web.reactive.socket.WebSocketHandler;

/** A channel's WebSocket endpoint; every channel contributes its own and they are mapped in one place. */
public record SocketRoute(String path, WebSocketHandler handler) {
}
