package dev.baton.app.config;

import dev.baton.store.redis.RedisKeys;
import dev.baton.store.redis.RedisStores;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.SpringSessionRedisConnectionFactory;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * With the Redis store, agents' login sessions live in Redis (Spring Session), under the installation's namespace:
 * an agent who logged in on one node is known on every node, so no sticky sessions are needed, and logging out on
 * one node ends the session on all. The session cookie keeps Boot's settings ({@code server.reactive.session.cookie},
 * SameSite=Strict) and the session its timeout ({@code server.reactive.session.timeout}). With the in-memory
 * store this configuration is off and sessions stay in the node's memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "baton.store", havingValue = "redis")
@EnableRedisWebSession
class RedisSessions {

    /** One I/O thread: a session is read once per HTTP request that needs one, never per chat message. */
    @Bean(destroyMethod = "shutdown")
    ClientResources sessionClientResources() {
        return DefaultClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1).build();
    }

    /**
     * The same Redis, timeouts and disconnected behaviour as the stores. Connects at start-up (eagerly): a lazy
     * first connection would block the event loop of the first request.
     */
    @Bean
    @SpringSessionRedisConnectionFactory
    LettuceConnectionFactory sessionConnectionFactory(BatonProperties properties, ClientResources sessionClientResources) {
        BatonProperties.Redis redis = properties.redis();
        RedisURI uri = RedisURI.create(redis.url());
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .clientResources(sessionClientResources)
                .clientOptions(RedisStores.clientOptions(redis.commandTimeout()))
                .commandTimeout(redis.commandTimeout());
        if (uri.isSsl()) {
            client.useSsl();
        }
        LettuceConnectionFactory factory = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client.build());
        factory.setEagerInitialization(true);
        return factory;
    }

    /**
     * Session ids are secrets, so they come from a {@link SecureRandom}; a DRBG seeded here at start-up, because
     * Spring Session's default ({@code UUID.randomUUID()}) reads the OS entropy source on the event loop.
     */
    @Bean
    SessionIdGenerator sessionIdGenerator() throws NoSuchAlgorithmException {
        SecureRandom random = SecureRandom.getInstance("DRBG");
        random.nextBytes(new byte[1]);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return () -> {
            byte[] id = new byte[SESSION_ID_BYTES];
            random.nextBytes(id);
            return encoder.encodeToString(id);
        };
    }

    private static final int SESSION_ID_BYTES = 32;

    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> sessionKeysAndTimeout(
            BatonProperties properties, @Value("${server.reactive.session.timeout:30m}") Duration timeout) {
        String namespace = new RedisKeys(properties.redis().namespace()).consoleSessions();
        return repository -> {
            repository.setRedisKeyNamespace(namespace);
            repository.setDefaultMaxInactiveInterval(timeout);
        };
    }
}
