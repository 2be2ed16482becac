package dev.baton.store.redis;

import dev.baton.handoff.FollowUp;
import dev.baton.handoff.LeftMessages;
import dev.baton.store.LeftMessagesContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Optional;

import static dev.baton.store.Fixtures.leftMessage;
import static org.assertj.core.api.Assertions.assertThat;

class RedisLeftMessagesTest extends LeftMessagesContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected LeftMessages newLeftMessages() {
        return new RedisLeftMessages(redis.nodeA(), redis.keys(), clock, RETENTION);
    }

    @Override
    protected LeftMessages sameMessagesOnAnotherNode() {
        return new RedisLeftMessages(redis.nodeB(), redis.keys(), clock, RETENTION);
    }

    @Test
    void savingAMessageDropsTheExpiredOnesFromRedis() {
        messages.save(leftMessage("old", Optional.empty(), clock.instant())).block();
        messages.save(leftMessage("older", Optional.empty(), clock.instant().plusMillis(1))).block();
        clock.advance(RETENTION.plus(Duration.ofSeconds(2)));

        otherNode.save(leftMessage("new", Optional.empty(), clock.instant())).block();

        assertThat(redis.inspect().llen(redis.keys().leftMessages())).isEqualTo(1);
    }

    @Test
    void aMessageStoredBeforeFollowUpsExistedReadsAsOpenAndCanBeTaken() {
        String before = "{\"id\":\"m-old1\",\"conversationId\":\"c-old1\",\"visitorId\":\"v-3f9a1c2e\",\"text\":\"Call me\","
                + "\"contact\":\"+39 333 1234567\",\"language\":\"it\",\"at\":\"" + clock.instant() + "\",\"v\":1}";
        redis.inspect().rpush(redis.keys().leftMessages(), before);

        assertThat(messages.all().blockFirst().followUp()).isEqualTo(FollowUp.open());
        assertThat(otherNode.update("m-old1", m -> m.withFollowUp(FollowUp.claimedBy("alice", clock.instant()))).block()
                .followUp().agent()).contains("alice");
    }
}
