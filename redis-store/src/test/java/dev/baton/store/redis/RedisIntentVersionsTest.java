package dev.baton.store.redis;

import dev.baton.store.IntentVersionsContract;
import dev.baton.training.IntentVersions;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisIntentVersionsTest extends IntentVersionsContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected IntentVersions newVersions() {
        return new RedisIntentVersions(redis.nodeA(), redis.keys(), JsonCodec.withDefaultMapper());
    }

    @Override
    protected IntentVersions sameVersionsOnAnotherNode() {
        return new RedisIntentVersions(redis.nodeB(), redis.keys(), JsonCodec.withDefaultMapper());
    }
}
