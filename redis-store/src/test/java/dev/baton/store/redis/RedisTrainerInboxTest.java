package dev.baton.store.redis;

import dev.baton.inbox.InboxReason;
import dev.baton.inbox.TrainerInbox;
import dev.baton.store.TrainerInboxContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RedisTrainerInboxTest extends TrainerInboxContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected TrainerInbox newInbox() {
        return new RedisTrainerInbox(redis.nodeA(), redis.keys(), clock, LIMITS);
    }

    @Override
    protected TrainerInbox sameInboxOnAnotherNode() {
        return new RedisTrainerInbox(redis.nodeB(), redis.keys(), clock, LIMITS);
    }

    @Test
    void forgottenWordingsLeaveNoFieldBehindInRedis() {
        inbox.add(entry("old question", InboxReason.NOT_UNDERSTOOD, "c-1", clock.instant())).block();
        inbox.add(entry("old question", InboxReason.CLARIFIED, "c-2", clock.instant())).block();
        clock.advance(LIMITS.retention().plus(Duration.ofSeconds(1)));

        otherNode.add(entry("new question", InboxReason.UNHELPFUL, "c-3", clock.instant())).block();

        assertThat(redis.inspect().hkeys(redis.keys().inbox())).allMatch(field -> !field.startsWith(
                entry("old question", InboxReason.NOT_UNDERSTOOD, "c-1", clock.instant()).wordingId()));
        assertThat(redis.inspect().zcard(redis.keys().inboxLastSeen())).isEqualTo(1);
    }
}
