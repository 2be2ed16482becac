package dev.baton.app.config;

import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.Team;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One team ({@code baton.teams[]}); the README's configuration table lists its keys. For example:
 * <pre>
 * baton.teams:
 *   - name: billing
 *     languages: [en, it]
 *     intents: [refund_status]
 *     members: [bruno]
 *     assignment: auto
 *     business-hours: { zone: Europe/Rome, weekly: { monday: "09:00-18:00" } }
 *     timers: { amber: 1m, red: 3m }
 * </pre>
 *
 * @param languages     the visitors' languages it takes; empty, any
 * @param intents       the intents it handles, besides those whose file names it ({@code team: billing})
 * @param members       its agents, by username (agents may instead list their teams, {@code baton.agents.users[].teams})
 * @param assignment    {@code pull}: agents accept from the queue; {@code auto}: Baton assigns
 * @param businessHours its own hours; unset, {@code baton.business-hours}
 * @param timers        its own console thresholds; unset, {@code baton.console.timers}
 */
public record TeamSettings(String name, @DefaultValue List<String> languages, @DefaultValue List<String> intents,
                           @DefaultValue List<String> members, @DefaultValue("pull") Team.AssignmentMode assignment,
                           BusinessHoursSettings businessHours, BatonProperties.Timers timers) {

    /** @param index its place in {@code baton.teams}, for the errors */
    Team team(int index, Set<String> members, BusinessHours installationHours) {
        String prefix = "baton.teams[" + index + "]";
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(prefix + ".name must be set");
        }
        BusinessHours hours = businessHours == null ? installationHours : businessHours.hours(prefix + ".business-hours");
        try {
            return new Team(name, Set.copyOf(languages), Set.copyOf(intents), members, assignment, hours,
                    Optional.ofNullable(timers).map(t -> new Team.Timers(t.amber(), t.red())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + ": " + e.getMessage(), e);
        }
    }
}
