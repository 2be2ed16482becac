package dev.baton.app.analytics;

import dev.baton.analytics.Figures;
import dev.baton.analytics.PeriodReport;
import dev.baton.conversation.HandoffReason;
import dev.baton.observation.BotTurn;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The JSON of {@code GET /api/analytics}: durations in milliseconds ({@code null} when nothing was measured), handoff
 * reasons as the metrics tag them, ratings per score from 1 to 5. Without teams, one team, {@code everyone}, with the
 * overall figures; with teams, each configured team with its members and the figures of its conversations.
 */
record AnalyticsView(String period, String from, String to, FiguresView overall, List<TeamView> teams,
                     List<AgentView> agents, List<SliceView> slices) {

    record TeamView(String name, List<String> agents, FiguresView figures) {
    }

    /** A configured team and the usernames of its members, in roster order. */
    record Members(String team, List<String> usernames) {
    }

    record AgentView(String username, String name, FiguresView figures) {
    }

    record SliceView(String start, long conversations, long contained) {
    }

    record SpreadView(int count, Long medianMs, Long p90Ms) {
        static SpreadView of(Figures.Spread spread) {
            return new SpreadView(spread.count(), spread.median().map(Duration::toMillis).orElse(null),
                    spread.p90().map(Duration::toMillis).orElse(null));
        }
    }

    record FiguresView(long conversations, long contained, double containment, Map<String, Long> handoffsByReason,
                       SpreadView queueWait, SpreadView firstResponse, SpreadView resolution, List<Long> satisfaction) {
        static FiguresView of(Figures f) {
            Map<String, Long> byReason = new LinkedHashMap<>();
            for (HandoffReason reason : HandoffReason.values()) {
                byReason.put(BotTurn.label(reason), f.handoffsByReason().getOrDefault(reason, 0L));
            }
            return new FiguresView(f.conversations(), f.contained(), Math.round(f.containment() * 1000) / 1000.0, byReason,
                    SpreadView.of(f.queueWait()), SpreadView.of(f.firstResponse()), SpreadView.of(f.resolution()), f.satisfaction());
        }
    }

    /** @param teams the configured teams; empty without teams */
    static AnalyticsView of(Period period, PeriodReport report, UnaryOperator<String> nameOf, List<Members> teams) {
        List<AgentView> agents = report.agents().entrySet().stream()
                .map(e -> new AgentView(e.getKey(), nameOf.apply(e.getKey()), FiguresView.of(e.getValue()))).toList();
        List<TeamView> teamViews = teams.isEmpty()
                ? List.of(new TeamView("everyone", agents.stream().map(AgentView::username).toList(), FiguresView.of(report.overall())))
                : teams.stream().map(t -> new TeamView(t.team(), t.usernames(),
                        FiguresView.of(report.teams().getOrDefault(t.team(), Figures.of(List.of(), List.of()))))).toList();
        return new AnalyticsView(period.label(), report.from().toString(), report.to().toString(), FiguresView.of(report.overall()),
                teamViews, agents,
                report.slices().stream().map(s -> new SliceView(s.start().toString(), s.conversations(), s.contained())).toList());
    }
}
