package dev.baton.app.limits;

import dev.baton.app.config.BatonProperties;
import dev.baton.limits.RateLimiter;
import dev.baton.store.memory.InMemoryRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The limits of {@code baton.limits}, over whichever store's {@link RateLimiter} is plugged in. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    VisitorLimits visitorLimits(RateLimiter limiter, BatonProperties properties, Clock clock) {
        return new VisitorLimits(limiter, new InMemoryRateLimiter(clock, properties.limits().memoryBuckets()), properties.limits());
    }

    @Bean
    SocketsPerAddress socketsPerAddress(BatonProperties properties) {
        return new SocketsPerAddress(properties.limits().address().openSockets());
    }
}
