package dev.baton.store.redis;

import dev.baton.store.SharedSecrets;
import dev.baton.store.SharedSecretsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisSharedSecretsTest extends SharedSecretsContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected SharedSecrets newSecrets() {
        return new RedisSharedSecrets(redis.nodeA(), redis.keys());
    }

    @Override
    protected SharedSecrets sameSecretsOnAnotherNode() {
        return new RedisSharedSecrets(redis.nodeB(), redis.keys());
    }
}
