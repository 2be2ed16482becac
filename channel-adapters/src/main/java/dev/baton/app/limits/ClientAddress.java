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

    /**
     * Whether limits per address apply to {@code address}: not to this machine's own (loopback) addresses. Why: behind
     * a reverse proxy on the same host whose forwarded headers are not trusted, every visitor comes from 127.0.0.1,
     * and one shared allowance would throttle the whole site as if it were one client (a load test from one machine
     * meets the same). Limits per visitor still apply to them.
     */
    public static boolean limitedAsOne(String address) {
        return !(address.equals("127.0.0.1") || address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1")
                || address.equals("::1"));
    }

    public static String of(InetSocketAddress remote) {
        if (remote == null) {
            return UNKNOWN;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
