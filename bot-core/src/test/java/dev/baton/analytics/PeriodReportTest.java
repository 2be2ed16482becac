package dev.baton.analytics;

import dev.baton.conversation.HandoffReason;
import dev.baton.satisfaction.SatisfactionRating;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics' figures from known outcomes: counts, containment, reasons, medians and 90th percentiles, CSAT. */
class PeriodReportTest {

    private static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");

    private static ConversationOutcome resolvedBy(String id, String agent, HandoffReason reason, int waitedSeconds,
                                                  int firstResponseSeconds, int resolutionMinutes, int hour) {
        return ConversationOutcome.finished(id, DAY.plus(Duration.ofHours(hour)).plusSeconds(30), reason, Optional.of(agent),
                Optional.of(Duration.ofSeconds(waitedSeconds)), Optional.of(Duration.ofSeconds(firstResponseSeconds)),
                Optional.of(Duration.ofMinutes(resolutionMinutes)));
    }

    private static List<ConversationOutcome> tenConversations() {
        List<ConversationOutcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            outcomes.add(ConversationOutcome.engaged("c-" + i, DAY.plus(Duration.ofHours(i < 6 ? 9 : 14))));
        }
        // Four reached people: three resolved (waits 10, 20, 30 s), one given back by its agent without a measure.
        outcomes.add(resolvedBy("c-1", "alice", HandoffReason.VISITOR_ASKED, 10, 40, 5, 9));
        outcomes.add(resolvedBy("c-2", "alice", HandoffReason.VISITOR_ASKED, 30, 60, 15, 9));
        outcomes.add(resolvedBy("c-6", "bruno", HandoffReason.FRUSTRATION, 20, 50, 10, 14));
        outcomes.add(ConversationOutcome.finished("c-7", DAY.plus(Duration.ofHours(15)), HandoffReason.REPEATED_FAILURE,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        return outcomes;
    }

    private static final List<SatisfactionRating> RATINGS = List.of(
            new SatisfactionRating("c-1", "alice", 5, Optional.empty(), DAY.plus(Duration.ofHours(10))),
            new SatisfactionRating("c-2", "alice", 3, Optional.empty(), DAY.plus(Duration.ofHours(10))),
            new SatisfactionRating("c-6", "bruno", 5, Optional.empty(), DAY.plus(Duration.ofHours(15))));

    @Test
    void countsConversationsOnceAndThoseTheBotKeptToItself() {
        Figures overall = PeriodReport.of(DAY, DAY.plus(Duration.ofDays(1)), Duration.ofHours(1), tenConversations(), RATINGS).overall();

        assertThat(overall.conversations()).isEqualTo(10);
        assertThat(overall.contained()).isEqualTo(6);
        assertThat(overall.containment()).isEqualTo(0.6);
        assertThat(overall.handoffsByReason()).isEqualTo(Map.of(HandoffReason.VISITOR_ASKED, 2L,
                HandoffReason.FRUSTRATION, 1L, HandoffReason.REPEATED_FAILURE, 1L));
    }

    @Test
    void eachTeamsFiguresAreThoseOfTheConversationsRoutedToItWithTheirRatings() {
        List<ConversationOutcome> outcomes = new ArrayList<>();
        for (ConversationOutcome o : tenConversations()) {
            boolean billing = o.conversationId().equals("c-6") || o.conversationId().equals("c-7");
            outcomes.add(o.handoffReason().isEmpty() ? o : o.ofTeam(Optional.of(billing ? "billing" : "support")));
        }

        Map<String, Figures> teams = PeriodReport.of(DAY, DAY.plus(Duration.ofDays(1)), Duration.ofHours(1), outcomes, RATINGS).teams();

        assertThat(teams).containsOnlyKeys("billing", "support");
        assertThat(teams.get("support").conversations()).isEqualTo(2);
        assertThat(teams.get("support").handoffsByReason()).isEqualTo(Map.of(HandoffReason.VISITOR_ASKED, 2L));
        assertThat(teams.get("support").satisfaction()).containsExactly(0L, 0L, 1L, 0L, 1L);
        assertThat(teams.get("billing").conversations()).isEqualTo(2);
        assertThat(teams.get("billing").queueWait().median()).contains(Duration.ofSeconds(20));
        assertThat(teams.get("billing").satisfaction()).containsExactly(0L, 0L, 0L, 0L, 1L);
        assertThat(PeriodReport.of(DAY, DAY.plus(Duration.ofDays(1)), Duration.ofHours(1), tenConversations(), RATINGS).teams())
                .as("without teams").isEmpty();
    }

    @Test
    void takesTheMedianAndTheNinetiethPercentileByNearestRank() {
        Figures overall = PeriodReport.of(DAY, DAY.plus(Duration.ofDays(1)), Duration.ofHours(1), tenConversations(), RATINGS).overall();

        assertThat(overall.queueWait()).isEqualTo(new Figures.Spread(3, Optional.of(Duration.ofSeconds(20)), Optional.of(Duration.ofSeconds(30))));
        assertThat(overall.firstResponse().median()).contains(Duration.ofSeconds(50));
        assertThat(overall.resolution().p90()).contains(Duration.ofMinutes(15));
        assertThat(Figures.Spread.of(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4))))
                .isEqualTo(new Figures.Spread(4, Optional.of(Duration.ofSeconds(2)), Optional.of(Duration.ofSeconds(4))));
        assertThat(Figures.Spread.of(List.of())).isEqualTo(new Figures.Spread(0, Optional.empty(), Optional.empty()));
    }

    @Test
    void givesEachAgentTheirConversationsWaitsAndRatings() {
        PeriodReport report = PeriodReport.of(DAY, DAY.plus(Duration.ofDays(1)), Duration.ofHours(1), tenConversations(), RATINGS);

        assertThat(report.agents().keySet()).containsExactly("alice", "bruno");
        Figures alice = report.agents().get("alice");
        assertThat(alice.conversations()).isEqualTo(2);
        assertThat(alice.queueWait().median()).contains(Duration.ofSeconds(10));
        assertThat(alice.satisfaction()).containsExactly(0L, 0L, 1L, 0L, 1L);
        assertThat(report.overall().satisfaction()).containsExactly(0L, 0L, 1L, 0L, 2L);
    }

    @Test
    void slicesThePeriodAndCountsEachConversationWhereItWasFirstSeen() {
        PeriodReport report = PeriodReport.of(DAY, DAY.plus(Duration.ofDays(1)), Duration.ofHours(1), tenConversations(), RATINGS);

        assertThat(report.slices()).hasSize(24);
        assertThat(report.slices().get(9)).isEqualTo(new PeriodReport.Slice(DAY.plus(Duration.ofHours(9)), 5, 3));
        assertThat(report.slices().get(14)).isEqualTo(new PeriodReport.Slice(DAY.plus(Duration.ofHours(14)), 5, 3));
        assertThat(report.slices().stream().mapToLong(PeriodReport.Slice::conversations).sum()).isEqualTo(10);
    }
}
