package dev.baton.store.redis;

import dev.baton.handoff.LeftMessages;
import dev.baton.store.LeftMessagesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisLeftMessagesTest extends LeftMessagesContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected LeftMessages newLeftMessages() {
        return new RedisLeftMessages(redis.nodeA(), redis.keys());
    }

    @Override
    protected LeftMessages sameMessagesOnAnotherNode() {
        return new RedisLeftMessages(redis.nodeB(), redis.keys());
    }
}
