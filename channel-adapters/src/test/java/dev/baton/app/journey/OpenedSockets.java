package dev.baton.app.journey;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Opens test sockets and closes every one of them after each test, whatever happened. */
public final class OpenedSockets implements AfterEachCallback {

    private final List<ChatSocket> open = new ArrayList<>();

    public ChatSocket visitor(int port) {
        return keep(ChatSocket.connect(port, "/ws/visitor"));
    }

    /** A visitor socket through a proxy that says it comes from {@code address}. */
    public ChatSocket visitorFrom(int port, String address) {
        return keep(ChatSocket.connectFrom(port, "/ws/visitor", address));
    }

    public ChatSocket agent(int port, String username, String password) {
        return keep(ChatSocket.connect(port, "/ws/agent", Agents.login(port, username, password)));
    }

    /** A socket opened with a session cookie from {@link Agents#login}, perhaps from another node. */
    public ChatSocket withSession(int port, String path, String cookie) {
        return keep(ChatSocket.connect(port, path, cookie));
    }

    /** A socket whose handshake carries {@code headers} (credentials, an origin). */
    public ChatSocket withHeaders(int port, String path, Map<String, String> headers) {
        return keep(ChatSocket.connectWith(port, path, headers));
    }

    public ChatSocket anonymous(int port, String path) {
        return keep(ChatSocket.connect(port, path));
    }

    private ChatSocket keep(ChatSocket socket) {
        open.add(socket);
        return socket;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(ChatSocket::close);
        open.clear();
    }
}
