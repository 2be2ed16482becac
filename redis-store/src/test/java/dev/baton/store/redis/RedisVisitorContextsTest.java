package dev.baton.store.redis;

import dev.baton.conversation.VisitorContext;
import dev.baton.conversation.VisitorContexts;
import dev.baton.store.VisitorContextsContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RedisVisitorContextsTest extends VisitorContextsContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected VisitorContexts newContexts() {
        return new RedisVisitorContexts(redis.nodeA(), redis.keys(), RETENTION, JsonCodec.withDefaultMapper());
    }

    @Override
    protected VisitorContexts sameContextsOnAnotherNode() {
        return new RedisVisitorContexts(redis.nodeB(), redis.keys(), RETENTION, JsonCodec.withDefaultMapper());
    }

    @Test
    void aContextExpiresWithinTheRetention() {
        contexts.remember("c-9", new VisitorContext(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("UTC"))).block();

        assertThat(redis.inspect().pttl(redis.keys().visitorContext("c-9"))).isBetween(1L, RETENTION.toMillis());
    }
}
