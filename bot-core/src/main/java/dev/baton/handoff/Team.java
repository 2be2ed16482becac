package dev.baton.handoff;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A group of agents who take one kind of conversation: those in its languages and about its topics. Each team has its
 * own first-come-first-served queue and its own business hours.
 *
 * @param name      how configuration, intents ({@code team: billing}) and the console name it: lower case letters,
 *                  digits, {@code -} and {@code _}
 * @param languages the visitors' languages it takes; empty, any language
 * @param intents   the intents it handles, besides those whose file names it
 * @param members   the configured agents in it, by username; the directory's agents carry their own teams
 *                  ({@link AgentRoster.Member#directoryTeams}), and {@link Teams#isIn} asks both
 * @param mode      whether its agents pull conversations from its queue or Baton assigns them
 * @param hours     when its people answer
 * @param timers    when its waiting and unanswered conversations turn amber and red in the console; empty, the
 *                  installation's thresholds
 */
public record Team(String name, Set<String> languages, Set<String> intents, Set<String> members, AssignmentMode mode,
                   BusinessHours hours, Optional<Timers> timers) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    /** Who picks a waiting conversation's agent. */
    public enum AssignmentMode {
        /** Agents accept conversations from the queue themselves. */
        PULL,
        /** Baton gives the longest-waiting conversation to the available member with the fewest open conversations. */
        AUTO
    }

    /** The waits after which a conversation shows amber, then red. */
    public record Timers(Duration amber, Duration red) {
        public Timers {
            if (amber.isNegative() || amber.isZero() || red.compareTo(amber) <= 0) {
                throw new IllegalArgumentException("timers: amber must be positive and red longer than amber, not "
                        + amber + " and " + red);
            }
        }
    }

    public Team {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a team's name is lower case letters, digits, - and _, not \"" + name + "\"");
        }
        languages = Set.copyOf(languages);
        intents = Set.copyOf(intents);
        members = Set.copyOf(members);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(timers, "timers");
    }

    /** Whether it takes visitors writing in {@code language}. */
    public boolean takes(String language) {
        return languages.isEmpty() || languages.contains(language);
    }

    /** Whether the configuration lists {@code username} in it; {@link Teams#isIn} says whether anyone is in it. */
    public boolean hasMember(String username) {
        return members.contains(username);
    }
}
