package dev.baton.store.redis;

import dev.baton.store.DraftsContract;
import dev.baton.training.Drafts;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisDraftsTest extends DraftsContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected Drafts newDrafts() {
        return new RedisDrafts(redis.nodeA(), redis.keys(), JsonCodec.withDefaultMapper());
    }

    @Override
    protected Drafts sameDraftsOnAnotherNode() {
        return new RedisDrafts(redis.nodeB(), redis.keys(), JsonCodec.withDefaultMapper());
    }
}
