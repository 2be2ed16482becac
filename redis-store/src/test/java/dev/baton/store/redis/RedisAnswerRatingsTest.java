package dev.baton.store.redis;

import dev.baton.feedback.AnswerRating;
import dev.baton.feedback.AnswerRatings;
import dev.baton.store.AnswerRatingsContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class RedisAnswerRatingsTest extends AnswerRatingsContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected AnswerRatings newRatings() {
        return new RedisAnswerRatings(redis.nodeA(), redis.keys(), RETENTION);
    }

    @Override
    protected AnswerRatings sameRatingsOnAnotherNode() {
        return new RedisAnswerRatings(redis.nodeB(), redis.keys(), RETENTION);
    }

    @Test
    void aConversationsRatingsExpireWithinTheRetention() {
        ratings.rate(new AnswerRating("c-9", 2, "returns", true, T0)).block();

        assertThat(redis.inspect().pttl(redis.keys().ratings("c-9"))).isBetween(1L, RETENTION.toMillis());
    }
}
