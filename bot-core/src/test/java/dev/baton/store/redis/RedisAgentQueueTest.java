package dev.baton.store.redis;

import dev.baton.handoff.AgentQueue;
import dev.baton.store.AgentQueueContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAgentQueueTest extends AgentQueueContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected AgentQueue newQueue() {
        return new RedisAgentQueue(redis.nodeA(), redis.keys());
    }

    @Override
    protected AgentQueue sameQueueOnAnotherNode() {
        return new RedisAgentQueue(redis.nodeB(), redis.keys());
    }
}
