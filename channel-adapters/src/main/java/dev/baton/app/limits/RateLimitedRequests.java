package dev.baton.app.limits;

import dev.baton.app.config.BatonProperties;
import dev.baton.limits.Admission;
import dev.baton.limits.Limit;
import dev.baton.limits.Rate;
import dev.baton.limits.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * Sign-in attempts ({@code POST /login}) and trainer API requests per client address: beyond the limit, {@code 429 Too
 * Many Requests} with {@code Retry-After} (whole seconds), before any password is checked — HTTP Basic on the API
 * included, so that guessing passwords there is no faster than on the login form.
 */
public final class RateLimitedRequests implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitedRequests.class);

    private record Guarded(ServerWebExchangeMatcher requests, Limit limit) {
    }

    private final RateLimiter limiter;
    private final List<Guarded> guarded;

    public RateLimitedRequests(RateLimiter limiter, BatonProperties.Limits limits) {
        this.limiter = limiter;
        this.guarded = List.of(
                new Guarded(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/login"),
                        Limit.of("login-attempts", new Rate(limits.login().attemptsPerMinute(), Duration.ofMinutes(1)))),
                new Guarded(ServerWebExchangeMatchers.pathMatchers("/api/trainer/**"),
                        Limit.of("trainer-api", new Rate(limits.trainerApi().requestsPerMinute(), Duration.ofMinutes(1)))));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = ClientAddress.of(exchange.getRequest().getRemoteAddress());
        return Flux.fromIterable(guarded)
                .filter(g -> ClientAddress.limitedAsOne(address))
                .filterWhen(g -> g.requests().matches(exchange).map(ServerWebExchangeMatcher.MatchResult::isMatch))
                .next()
                .flatMap(g -> limiter.take(g.limit(), address)
                        .onErrorResume(e -> {
                            log.warn("rate limits unavailable, admitting: {}", e.toString());
                            return Mono.just(Admission.admit());
                        }))
                .defaultIfEmpty(Admission.admit())
                .flatMap(admission -> admission.admitted() ? chain.filter(exchange) : tooMany(exchange, admission.retryAfter()));
    }

    /** Answers {@code 429 Too Many Requests} with {@code Retry-After} in whole seconds, at least one. */
    public static Mono<Void> tooMany(ServerWebExchange exchange, Duration retryAfter) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wholeSeconds(retryAfter)));
        return response.setComplete();
    }

    /** {@code retryAfter} in whole seconds, rounded up, at least one: a client waiting that long is admitted. */
    public static long wholeSeconds(Duration retryAfter) {
        return Math.max(1, -Math.floorDiv(-retryAfter.toMillis(), 1000L));
    }
}
