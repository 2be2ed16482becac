package dev.baton.app.config;

import dev.baton.store.redis.RedisStores;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/** {@code /actuator/health} is DOWN while this node cannot reach Redis, so a load balancer routes around it. */
final class RedisHealthIndicator implements ReactiveHealthIndicator {

    private final RedisStores redis;

    RedisHealthIndicator(RedisStores redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Health> health() {
        return redis.ping()
                .map(pong -> Health.up().withDetail("redis", pong).build())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("redis", e.getClass().getSimpleName() + ": " + e.getMessage()).build()));
    }
}
