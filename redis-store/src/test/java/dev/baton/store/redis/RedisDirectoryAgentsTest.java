package dev.baton.store.redis;

import dev.baton.handoff.DirectoryAgents;
import dev.baton.store.DirectoryAgentsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisDirectoryAgentsTest extends DirectoryAgentsContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected DirectoryAgents newDirectoryAgents() {
        return new RedisDirectoryAgents(redis.nodeA(), redis.keys(), JsonCodec.withDefaultMapper());
    }

    @Override
    protected DirectoryAgents sameAgentsOnAnotherNode() {
        return new RedisDirectoryAgents(redis.nodeB(), redis.keys(), JsonCodec.withDefaultMapper());
    }
}
