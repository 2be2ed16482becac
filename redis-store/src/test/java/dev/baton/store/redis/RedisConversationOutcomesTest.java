package dev.baton.store.redis;

import dev.baton.analytics.ConversationOutcome;
import dev.baton.analytics.ConversationOutcomes;
import dev.baton.store.ConversationOutcomesContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class RedisConversationOutcomesTest extends ConversationOutcomesContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected ConversationOutcomes newOutcomes() {
        return new RedisConversationOutcomes(redis.nodeA(), redis.keys(), RETENTION, JsonCodec.withDefaultMapper());
    }

    @Override
    protected ConversationOutcomes sameOutcomesOnAnotherNode() {
        return new RedisConversationOutcomes(redis.nodeB(), redis.keys(), RETENTION, JsonCodec.withDefaultMapper());
    }

    @Test
    void keepsOutcomesInOneSortedSetScoredByWhenRecorded() {
        outcomes.record(ConversationOutcome.engaged("c-1", T0)).block();

        assertThat(redis.inspect().zscore(redis.keys().outcomes(), redis.inspect().zrange(redis.keys().outcomes(), 0, -1).get(0)))
                .isEqualTo((double) T0.toEpochMilli());
    }
}
