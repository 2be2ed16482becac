package dev.baton.store.redis;

import dev.baton.channel.DeliveryClaims;
import dev.baton.store.DeliveryClaimsContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RedisDeliveryClaimsTest extends DeliveryClaimsContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected DeliveryClaims newClaims() {
        return new RedisDeliveryClaims(redis.nodeA(), redis.keys(), Duration.ofMinutes(5));
    }

    @Override
    protected DeliveryClaims sameClaimsOnAnotherNode() {
        return new RedisDeliveryClaims(redis.nodeB(), redis.keys(), Duration.ofMinutes(5));
    }

    @Test
    void aClaimExpiresAfterTheTimeItIsKeptFor() {
        claims.claim("in:telegram:42").block();

        Long ttl = redis.nodeA().pttl(redis.keys().claim("in:telegram:42")).block();

        assertThat(ttl).isBetween(1L, Duration.ofMinutes(5).toMillis());
    }
}
