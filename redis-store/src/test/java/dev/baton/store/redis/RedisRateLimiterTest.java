package dev.baton.store.redis;

import dev.baton.limits.RateLimiter;
import dev.baton.store.RateLimiterContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class RedisRateLimiterTest extends RateLimiterContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected RateLimiter newLimiter() {
        return onNewConnection();
    }

    @Override
    protected RateLimiter sameBucketsOnAnotherNode() {
        return onNewConnection();
    }

    private RateLimiter onNewConnection() {
        var connection = redis.closeAfterTest(redis.newClient().connect(RedisStores.BUCKET_CODEC));
        return new RedisRateLimiter(connection, redis.keys(), clock, RedisNodes.COMMAND_TIMEOUT);
    }

    @Test
    void aBucketIsOneKeyInTheNamespaceThatExpiresByItself() {
        limiter.take(dev.baton.limits.Limit.lockOut("login-failures", 5, java.time.Duration.ofMinutes(15)), "alice").block();

        String key = redis.keys().rateLimit("login-failures", "alice");
        assertThat(redis.keysLeft()).containsExactly(key);
        assertThat(redis.inspect().pttl(key)).isPositive().isLessThanOrEqualTo(java.time.Duration.ofMinutes(16).toMillis());
    }
}
