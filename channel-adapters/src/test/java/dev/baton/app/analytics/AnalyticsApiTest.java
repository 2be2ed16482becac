package dev.baton.app.analytics;

import dev.baton.analytics.ConversationOutcome;
import dev.baton.analytics.ConversationOutcomes;
import dev.baton.conversation.HandoffReason;
import dev.baton.satisfaction.SatisfactionRating;
import dev.baton.satisfaction.SatisfactionRatings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code GET /api/analytics} computes a period's figures from known outcomes and ratings: ten conversations two
 * days ago, four of them handed to people, three resolved by Carla and Maria with known waits and ratings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.agents.users[0].username=sam",
        "baton.agents.users[0].name=Sam",
        "baton.agents.users[0].password-hash={noop}sam-secret-1",
        "baton.agents.users[0].roles=AGENT,SUPERVISOR",
        "baton.agents.users[1].username=carla",
        "baton.agents.users[1].name=Carla",
        "baton.agents.users[1].password-hash={noop}carla-secret-1",
        "baton.agents.users[2].username=maria",
        "baton.agents.users[2].name=Maria",
        "baton.agents.users[2].password-hash={noop}maria-secret-1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiTest {

    /** Two days ago, well within the ratings' retention. */
    static final LocalDate DATE = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    static final Instant DAY = DATE.atStartOfDay(ZoneOffset.UTC).toInstant();

    @LocalServerPort
    int port;

    @Autowired
    ConversationOutcomes outcomes;

    @Autowired
    SatisfactionRatings ratings;

    @BeforeAll
    void givenTenConversationsOnADay() {
        KnownDay.record(outcomes, ratings);
    }

    @Test
    void aDaysFiguresAreComputedFromItsOutcomesAndRatings() {
        supervisor().get().uri("/api/analytics?period=day&from=" + DATE).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.period").isEqualTo("day")
                .jsonPath("$.from").isEqualTo(DAY.toString())
                .jsonPath("$.to").isEqualTo(DAY.plus(Duration.ofDays(1)).toString())
                .jsonPath("$.overall.conversations").isEqualTo(10)
                .jsonPath("$.overall.contained").isEqualTo(6)
                .jsonPath("$.overall.containment").isEqualTo(0.6)
                .jsonPath("$.overall.handoffsByReason.visitor_asked").isEqualTo(2)
                .jsonPath("$.overall.handoffsByReason.frustration").isEqualTo(1)
                .jsonPath("$.overall.handoffsByReason.repeated_failure").isEqualTo(1)
                .jsonPath("$.overall.handoffsByReason.intent_requires_human").isEqualTo(0)
                .jsonPath("$.overall.queueWait.count").isEqualTo(3)
                .jsonPath("$.overall.queueWait.medianMs").isEqualTo(20_000)
                .jsonPath("$.overall.queueWait.p90Ms").isEqualTo(30_000)
                .jsonPath("$.overall.firstResponse.medianMs").isEqualTo(50_000)
                .jsonPath("$.overall.resolution.p90Ms").isEqualTo(900_000)
                .jsonPath("$.overall.satisfaction").isEqualTo(java.util.List.of(0, 0, 1, 0, 2))
                .jsonPath("$.teams[0].name").isEqualTo("everyone")
                .jsonPath("$.agents[0].username").isEqualTo("carla")
                .jsonPath("$.agents[0].name").isEqualTo("Carla")
                .jsonPath("$.agents[0].figures.conversations").isEqualTo(2)
                .jsonPath("$.agents[0].figures.queueWait.medianMs").isEqualTo(10_000)
                .jsonPath("$.agents[0].figures.satisfaction").isEqualTo(java.util.List.of(0, 0, 1, 0, 1))
                .jsonPath("$.agents[1].username").isEqualTo("maria")
                .jsonPath("$.slices.length()").isEqualTo(24)
                .jsonPath("$.slices[9].conversations").isEqualTo(5)
                .jsonPath("$.slices[9].contained").isEqualTo(3);
    }

    @Test
    void aWeekIsCutIntoDaysAndLeavesOutWhatCameAfterIt() {
        supervisor().get().uri("/api/analytics?period=week&from=" + DATE.minusDays(6)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.to").isEqualTo(DAY.plus(Duration.ofDays(1)).toString())
                .jsonPath("$.slices.length()").isEqualTo(7)
                .jsonPath("$.slices[6].conversations").isEqualTo(10)
                .jsonPath("$.overall.conversations").isEqualTo(10);
        supervisor().get().uri("/api/analytics?period=month&from=2025-09-01").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.to").isEqualTo("2025-10-01T00:00:00Z")
                .jsonPath("$.slices.length()").isEqualTo(30)
                .jsonPath("$.overall.conversations").isEqualTo(0)
                .jsonPath("$.overall.queueWait.medianMs").doesNotExist();
    }

    @Test
    void aWrongPeriodOrDateIsAnsweredWithAClearError() {
        supervisor().get().uri("/api/analytics?period=year").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("period must be day, week or month, not \"year\"");
        supervisor().get().uri("/api/analytics?period=day&from=02/11/2026").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("from must be a date such as 2026-12-01, not \"02/11/2026\"");
    }

    @Test
    void onlySupervisorsMayReadTheAnalytics() {
        http().get().uri("/api/analytics").headers(h -> h.setBasicAuth("carla", "carla-secret-1")).exchange()
                .expectStatus().isForbidden();
        http().get().uri("/api/analytics").exchange().expectStatus().isUnauthorized();
        http().get().uri("/webjars/echarts/5.3.1/dist/echarts.min.js").headers(h -> h.setBasicAuth("sam", "sam-secret-1")).exchange()
                .expectStatus().isOk();
    }

    private WebTestClient supervisor() {
        return http().mutate().defaultHeaders(h -> h.setBasicAuth("sam", "sam-secret-1")).build();
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }

    /** Ten conversations on {@link #DAY}: the figures the tests expect. */
    static final class KnownDay {

        static void record(ConversationOutcomes outcomes, SatisfactionRatings ratings) {
            for (int i = 1; i <= 10; i++) {
                outcomes.record(ConversationOutcome.engaged("c-day-" + i, DAY.plus(Duration.ofHours(i < 6 ? 9 : 14)))).block();
            }
            outcomes.record(resolved("c-day-1", "carla", HandoffReason.VISITOR_ASKED, 10, 40, 5, 9)).block();
            outcomes.record(resolved("c-day-2", "carla", HandoffReason.VISITOR_ASKED, 30, 60, 15, 9)).block();
            outcomes.record(resolved("c-day-6", "maria", HandoffReason.FRUSTRATION, 20, 50, 10, 14)).block();
            outcomes.record(ConversationOutcome.finished("c-day-7", DAY.plus(Duration.ofHours(15)), HandoffReason.REPEATED_FAILURE,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())).block();
            ratings.rate(new SatisfactionRating("c-day-1", "carla", 5, Optional.empty(), DAY.plus(Duration.ofHours(10)))).block();
            ratings.rate(new SatisfactionRating("c-day-2", "carla", 3, Optional.empty(), DAY.plus(Duration.ofHours(10)))).block();
            ratings.rate(new SatisfactionRating("c-day-6", "maria", 5, Optional.of("Great"), DAY.plus(Duration.ofHours(15)))).block();
        }

        private static ConversationOutcome resolved(String id, String agent, HandoffReason reason, int waitedSeconds,
                                                    int firstResponseSeconds, int resolutionMinutes, int hour) {
            return ConversationOutcome.finished(id, DAY.plus(Duration.ofHours(hour)).plusSeconds(30), reason, Optional.of(agent),
                    Optional.of(Duration.ofSeconds(waitedSeconds)), Optional.of(Duration.ofSeconds(firstResponseSeconds)),
                    Optional.of(Duration.ofMinutes(resolutionMinutes)));
        }
    }
}
