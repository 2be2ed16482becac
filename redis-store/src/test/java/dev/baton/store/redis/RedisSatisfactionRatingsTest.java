package dev.baton.store.redis;

import dev.baton.satisfaction.SatisfactionRating;
import dev.baton.satisfaction.SatisfactionRatings;
import dev.baton.store.SatisfactionRatingsContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Optional;

import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class RedisSatisfactionRatingsTest extends SatisfactionRatingsContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected SatisfactionRatings newRatings() {
        return new RedisSatisfactionRatings(redis.nodeA(), redis.keys(), RETENTION, JsonCodec.withDefaultMapper());
    }

    @Override
    protected SatisfactionRatings sameRatingsOnAnotherNode() {
        return new RedisSatisfactionRatings(redis.nodeB(), redis.keys(), RETENTION, JsonCodec.withDefaultMapper());
    }

    @Test
    void aConversationsRatingExpiresWithinTheRetention() {
        ratings.rate(new SatisfactionRating("c-9", "alice", 5, Optional.empty(), T0)).block();

        assertThat(redis.inspect().pttl(redis.keys().satisfaction("c-9"))).isBetween(1L, RETENTION.toMillis());
    }

    @Test
    void anAgentWhoseUsernameHasAColonIsCountedUnderIt() {
        ratings.rate(new SatisfactionRating("c-9", "team:alice", 3, Optional.empty(), T0)).block();

        assertThat(otherNode.perAgent().blockFirst().agentUsername()).isEqualTo("team:alice");
    }
}
