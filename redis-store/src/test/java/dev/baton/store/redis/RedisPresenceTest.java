package dev.baton.store.redis;

import dev.baton.handoff.Presence;
import dev.baton.store.PresenceContract;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import org.awaitility.Awaitility;

import java.time.Duration;

class RedisPresenceTest extends PresenceContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Short enough for a test, long enough that a busy machine does not hold a heartbeat (a third of it) back past it:
     * CI has seen a single Redis command take over 2 s.
     */
    private static final Duration SHORT_GRACE = Duration.ofSeconds(3);

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected Presence newPresence() {
        return redis.closeAfterTest(new RedisPresence(redis.nodeA(), redis.keys().agentPresence(), RedisPresence.DEFAULT_GRACE));
    }

    @Override
    protected Presence samePresenceOnAnotherNode() {
        return redis.closeAfterTest(new RedisPresence(redis.nodeB(), redis.keys().agentPresence(), RedisPresence.DEFAULT_GRACE));
    }

    @Test
    void agentsOfANodeThatDiesWithoutClosingStopCountingAfterTheGracePeriod() {
        RedisPresence survivor = redis.closeAfterTest(new RedisPresence(redis.nodeA(), redis.keys().agentPresence(), SHORT_GRACE));
        RedisClient doomedClient = redis.newClient();
        RedisPresence doomed = redis.closeAfterTest(
                new RedisPresence(doomedClient.connect().reactive(), redis.keys().agentPresence(), SHORT_GRACE));
        survivor.connected("alice").block(TIMEOUT);
        doomed.connected("alice").block(TIMEOUT);
        doomed.connected("bruno").block(TIMEOUT);
        StepVerifier.create(survivor.onlineCount()).expectNext(2).verifyComplete();

        doomedClient.shutdown(); // like kill -9: no goodbye, no more heartbeats

        // bruno lapses; alice's console on the surviving node keeps her online through its heartbeats, for good
        Awaitility.await("bruno lapses, alice stays").atMost(SHORT_GRACE.multipliedBy(4))
                .until(() -> survivor.onlineCount().block(TIMEOUT) == 1);
        Awaitility.await("alice stays online").during(SHORT_GRACE.multipliedBy(2)).atMost(SHORT_GRACE.multipliedBy(4))
                .until(() -> survivor.onlineCount().block(TIMEOUT) == 1);
    }

    @Test
    void aNodeThatClosesTakesItsAgentsOfflineAtOnce() {
        RedisPresence leaving = new RedisPresence(redis.nodeB(), redis.keys().agentPresence(), RedisPresence.DEFAULT_GRACE);
        leaving.connected("bruno").block(TIMEOUT);
        leaving.connected("bruno").block(TIMEOUT);
        presence.connected("alice").block(TIMEOUT);

        leaving.close();

        StepVerifier.create(presence.onlineCount()).expectNext(1).verifyComplete();
    }
}
