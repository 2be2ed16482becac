package dev.baton.store.redis;

import dev.baton.canned.CannedResponses;
import dev.baton.store.CannedResponsesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisCannedResponsesTest extends CannedResponsesContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected CannedResponses newCannedResponses() {
        return new RedisCannedResponses(redis.nodeA(), redis.keys(), JsonCodec.withDefaultMapper());
    }

    @Override
    protected CannedResponses sameResponsesOnAnotherNode() {
        return new RedisCannedResponses(redis.nodeB(), redis.keys(), JsonCodec.withDefaultMapper());
    }
}
