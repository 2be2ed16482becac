package dev.baton.app.audit;

import dev.baton.app.limits.ClientAddress;
import dev.baton.audit.Actor;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.net.InetSocketAddress;
import java.security.Principal;

/** Who made a request or opened a socket, for the audit log: the signed-in user, from the client's address. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(Principal user, ServerHttpRequest request) {
        return of(user.getName(), request.getRemoteAddress());
    }

    public static Actor of(String user, InetSocketAddress remote) {
        return new Actor(user, ClientAddress.of(remote));
    }
}
