package dev.baton.store.redis;

import dev.baton.privacy.Consent;
import dev.baton.privacy.ConsentRecords;
import dev.baton.store.ConsentRecordsContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class RedisConsentRecordsTest extends ConsentRecordsContract {

    @RegisterExtension
    static final RedisNodes redis = new RedisNodes();

    @Override
    protected ConsentRecords newConsents() {
        return new RedisConsentRecords(redis.nodeA(), redis.keys(), RETENTION);
    }

    @Override
    protected ConsentRecords sameConsentsOnAnotherNode() {
        return new RedisConsentRecords(redis.nodeB(), redis.keys(), RETENTION);
    }

    @Test
    void aConsentExpiresWithinTheRetention() {
        consents.record(Consent.accepted("c-9", "1", T0)).block();

        assertThat(redis.inspect().pttl(redis.keys().consent("c-9"))).isBetween(1L, RETENTION.toMillis());
    }
}
