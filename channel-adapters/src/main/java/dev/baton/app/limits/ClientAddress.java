package dev.baton.app.limits;

import java.net.InetSocketAddress;

/**
 * Whose address a request or socket counts against: the connection's remote address, which is the first
 * {@code X-Forwarded-For} (or {@code Forwarded}) hop only when {@code server.forward-headers-strategy} says a proxy in
 * front is trusted to set it (see the README's Rate limits). Trusting the header without such a proxy would let every
 * client choose its own address, and with it its own fresh allowance.
 */
public final class ClientAddress {

    /** Connections whose address is not known share one allowance. */
    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    public static String of(InetSocketAddress remote) {
        if (remote == null) {
            return UNKNOWN;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
