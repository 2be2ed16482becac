package dev.baton.app.security;

import dev.baton.app.limits.ClientAddress;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Puts the request's client address in the Reactor context, where the authentication manager, which is not given the
 * request, finds it for the lock-outs per address and the audit log.
 */
final class ClientAddressInContext implements WebFilter {

    static final String KEY = ClientAddressInContext.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = ClientAddress.of(exchange.getRequest().getRemoteAddress());
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, address));
    }

    static String of(ContextView context) {
        return context.getOrDefault(KEY, ClientAddress.of(null));
    }
}
