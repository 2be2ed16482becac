package dev.baton.store.redis;

import dev.baton.store.SharedSecrets;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The installation's secrets in Redis: one string key per secret ({@code secret:<name>}, Base64, no expiry; see
 * {@link RedisKeys}). Whichever node asks first sets it ({@code SET NX}); every node then reads the one that won.
 */
public final class RedisSharedSecrets implements SharedSecrets {

    private final SecureRandom random = new SecureRandom();
    private final RedisReactiveCommands<String, String> redis;
    private final RedisKeys keys;

    RedisSharedSecrets(RedisReactiveCommands<String, String> redis, RedisKeys keys) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Mono<byte[]> get(String name) {
        String key = keys.secret(name);
        return Mono.defer(() -> {
            byte[] candidate = new byte[BYTES];
            random.nextBytes(candidate);
            return redis.set(key, Base64.getEncoder().encodeToString(candidate), SetArgs.Builder.nx())
                    .then(redis.get(key))
                    .map(Base64.getDecoder()::decode);
        });
    }
}
