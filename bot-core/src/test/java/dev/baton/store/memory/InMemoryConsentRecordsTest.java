package dev.baton.store.memory;

import dev.baton.privacy.Consent;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** What only the in-memory consents do: stay within their capacity. */
class InMemoryConsentRecordsTest {

    @Test
    void beyondItsCapacityTheOldestConsentIsForgotten() {
        Instant now = Instant.parse("2026-12-03T00:00:00Z");
        InMemoryConsentRecords consents = new InMemoryConsentRecords(Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(30), 2);
        consents.record(Consent.accepted("c-1", "1", now)).block();
        consents.record(Consent.accepted("c-2", "1", now)).block();
        consents.record(Consent.accepted("c-3", "1", now)).block();

        StepVerifier.create(consents.of("c-1")).verifyComplete();
        StepVerifier.create(consents.of("c-2")).expectNextCount(1).verifyComplete();
        StepVerifier.create(consents.of("c-3")).expectNextCount(1).verifyComplete();
    }
}
