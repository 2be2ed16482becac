package dev.baton.app.trainer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves the OpenAPI document on a thread that may block: springdoc builds it inside the request, on the calling
 * thread, scanning the class path (for webhooks, and once for every language a request asks it in). Ordered after
 * security, so an anonymous request is refused before any of that.
 */
@Component
class DocumentBuiltOffTheEventLoop implements WebFilter, Ordered {

    private final String documentPath;

    DocumentBuiltOffTheEventLoop(@Value("${springdoc.api-docs.path}") String documentPath) {
        this.documentPath = documentPath;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(documentPath)) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
