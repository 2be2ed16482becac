package dev.baton.app.limits;

import dev.baton.app.config.BatonProperties;
import dev.baton.limits.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limits of {@code baton.limits}, over whichever store's {@link RateLimiter} is plugged in. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    VisitorLimits visitorLimits(RateLimiter limiter, BatonProperties properties) {
        return new VisitorLimits(limiter, properties.limits());
    }

    @Bean
    SocketsPerAddress socketsPerAddress(BatonProperties properties) {
        return new SocketsPerAddress(properties.limits().address().openSockets());
    }
}
