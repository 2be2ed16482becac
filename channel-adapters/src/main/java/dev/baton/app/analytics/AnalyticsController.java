package dev.baton.app.analytics;

import dev.baton.analytics.ConversationOutcome;
import dev.baton.analytics.ConversationOutcomes;
import dev.baton.analytics.PeriodReport;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.Teams;
import dev.baton.satisfaction.SatisfactionRatings;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /api/analytics}: the figures of a day, a week or a month (in UTC), overall, per team and per agent, from the
 * conversations' outcomes and the visitors' ratings of those conversations (see the README's Analytics section).
 */
@RestController
class AnalyticsController {

    /** Ratings read at once, one per rated conversation of the period. */
    private static final int RATINGS_IN_FLIGHT = 16;

    private final ConversationOutcomes outcomes;
    private final SatisfactionRatings ratings;
    private final AgentRoster agents;
    private final Teams teams;
    private final Clock clock;

    AnalyticsController(ConversationOutcomes outcomes, SatisfactionRatings ratings, AgentRoster agents, Teams teams, Clock clock) {
        this.outcomes = outcomes;
        this.ratings = ratings;
        this.agents = agents;
        this.teams = teams;
        this.clock = clock;
    }

    @GetMapping("/api/analytics")
    Mono<ResponseEntity<Object>> analytics(@RequestParam(defaultValue = "week") String period,
                                           @RequestParam(required = false) String from) {
        Optional<Period> chosen = Period.named(period);
        if (chosen.isEmpty()) {
            return badRequest("period must be day, week or month, not " + quoted(period));
        }
        LocalDate start;
        try {
            start = from == null ? chosen.get().endingOn(LocalDate.now(clock.withZone(ZoneOffset.UTC))) : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            return badRequest("from must be a date such as 2026-12-01, not " + quoted(from));
        }
        return Mono.zip(report(chosen.get(), start), agents.members().collectList())
                .map(read -> {
                    Map<String, String> names = read.getT2().stream()
                            .collect(Collectors.toMap(AgentRoster.Member::username, m -> m.agent().displayName(), (a, b) -> a));
                    return ResponseEntity.ok((Object) AnalyticsView.of(chosen.get(), read.getT1(),
                            username -> names.getOrDefault(username, username), members(read.getT2())));
                });
    }

    private Mono<PeriodReport> report(Period period, LocalDate start) {
        var fromInstant = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        var toInstant = period.end(start).atStartOfDay(ZoneOffset.UTC).toInstant();
        return outcomes.between(fromInstant, toInstant).collectList()
                .flatMap(found -> Flux.fromIterable(found)
                        .filter(o -> o.agent().isPresent())
                        .map(ConversationOutcome::conversationId)
                        .distinct()
                        .flatMap(ratings::of, RATINGS_IN_FLIGHT)
                        .collectList()
                        .map(rated -> PeriodReport.of(fromInstant, toInstant, period.slice(), found, rated)));
    }

    /** Each configured team with its members on the roster (directory agents included); none without teams. */
    private List<AnalyticsView.Members> members(List<AgentRoster.Member> roster) {
        return teams.all().stream().map(team -> new AnalyticsView.Members(team.name(),
                roster.stream().filter(member -> teams.isIn(member, team)).map(AgentRoster.Member::username).toList())).toList();
    }

    private static String quoted(String value) {
        String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return "\"" + shown + "\"";
    }

    private static Mono<ResponseEntity<Object>> badRequest(String message) {
        return Mono.just(ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", message)));
    }
}
