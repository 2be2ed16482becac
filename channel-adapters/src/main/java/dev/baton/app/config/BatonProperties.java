package dev.baton.app.config;

import dev.baton.conversation.AgentRef;
import dev.baton.dialogue.PolicySettings;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.DirectoryAgents;
import dev.baton.handoff.Team;
import dev.baton.handoff.Teams;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything an operator can set under {@code baton.*}; the README's configuration table lists the same.
 *
 * @param intents         where the FAQ intent files are
 * @param defaultLanguage the language the bot falls back to for a language it has no examples in
 * @param store           where conversations, the queue and presence live
 * @param redis           the Redis store's settings
 * @param policy          when the bot answers, asks back or hands off
 * @param handoff         queue estimates
 * @param unanswered      when a visitor's message the bot never answered (its node died) is answered by another node
 * @param agents          who may log in to the agent console
 * @param retention       how long resolved conversations and left messages are kept, in either store
 * @param sockets         what one socket, and the node, may hold or do at once
 * @param inbox           which messages reach the trainers' inbox, and how long and how many it keeps
 * @param limits          how much visitors, logins and trainer API clients may do, against abuse
 * @param console         what the agent console shows
 * @param teams           the teams, their languages, topics, members, assignment, hours and timers; none, one
 *                        implicit team everyone is in
 * @param routing         where a conversation goes that no team takes
 */
@ConfigurationProperties("baton")
public record BatonProperties(@DefaultValue("intents") Path intents,
                              @DefaultValue("en") String defaultLanguage,
                              @DefaultValue("memory") Store store,
                              @DefaultValue Redis redis,
                              @DefaultValue Policy policy,
                              @DefaultValue Handoff handoff,
                              @DefaultValue Unanswered unanswered,
                              @DefaultValue Agents agents,
                              @DefaultValue Retention retention,
                              @DefaultValue Sockets sockets,
                              @DefaultValue Inbox inbox,
                              @DefaultValue Limits limits,
                              @DefaultValue Console console,
                              @DefaultValue List<TeamSettings> teams,
                              @DefaultValue Routing routing) {

    /** @param fallbackTeam the team of conversations no team takes (by intent or language); unset, the first team */
    public record Routing(String fallbackTeam) {
    }

    /**
     * The configured teams, each with its members (those it lists and the agents who list it) and the
     * installation's hours where it has none of its own; supervisors see every team. Throws
     * {@link IllegalArgumentException} saying what is wrong: a member who is no agent, an agent listing a team that
     * is not configured, a fallback team that is none.
     */
    public Teams teams(BusinessHours installationHours) {
        Set<String> agentNames = agents.users().stream().filter(u -> u.roles().contains("AGENT"))
                .map(User::username).collect(Collectors.toSet());
        Set<String> teamNames = teams.stream().map(TeamSettings::name).collect(Collectors.toSet());
        agents.users().forEach(user -> user.teams().forEach(team -> {
            if (!teamNames.contains(team)) {
                throw new IllegalArgumentException("baton.agents.users: " + user.username() + " is in the team " + team
                        + ", which is not one of baton.teams");
            }
        }));
        List<Team> configured = new ArrayList<>();
        for (int i = 0; i < teams.size(); i++) {
            TeamSettings settings = teams.get(i);
            Set<String> members = new LinkedHashSet<>(settings.members());
            agents.users().stream().filter(u -> u.teams().contains(settings.name())).forEach(u -> members.add(u.username()));
            for (String member : members) {
                if (!agentNames.contains(member)) {
                    throw new IllegalArgumentException("baton.teams[" + i + "].members: " + member + " is not an agent of baton.agents.users");
                }
            }
            configured.add(settings.team(i, members, installationHours));
        }
        Set<String> supervisors = agents.users().stream().filter(u -> u.roles().contains("SUPERVISOR"))
                .map(User::username).collect(Collectors.toSet());
        try {
            return new Teams(configured, Optional.ofNullable(routing.fallbackTeam()).filter(f -> !f.isBlank()), installationHours, supervisors);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baton.teams / baton.routing: " + e.getMessage(), e);
        }
    }

    /** Where conversations live: this node's memory (one node), or Redis (any number of nodes). */
    public enum Store {
        MEMORY,
        REDIS
    }

    /**
     * @param url            the Redis server ({@code redis://}, {@code rediss://} or {@code redis-sentinel://})
     * @param namespace      prefix of every key, so several Baton installations can share one Redis
     * @param retention      how long a resolved conversation is kept in Redis; unset, {@code baton.retention.conversations}
     *                       (the older name, still honoured)
     * @param presenceGrace  how long an agent or visitor whose node died without a word still counts as online
     * @param commandTimeout how long a Redis command may take before the client is told to try again
     * @param connections    command connections to spread conversations over; unset, one per core
     * @param intentsCheck   how often a node checks which intent database is published, in case it missed the
     *                       announcement of one
     */
    public record Redis(@DefaultValue("redis://127.0.0.1:6379") String url,
                        @DefaultValue("baton:") String namespace,
                        Duration retention,
                        @DefaultValue("30s") Duration presenceGrace,
                        @DefaultValue("2s") Duration commandTimeout,
                        Integer connections,
                        @DefaultValue("5s") Duration intentsCheck) {
    }

    /** @param confidenceFloor fixed answering threshold; unset, each intent database gets a calibrated one */
    public record Policy(Double confidenceFloor,
                         @DefaultValue("0.05") double ambiguityMargin,
                         @DefaultValue("0.2") double clarifyFloor,
                         @DefaultValue("2") int maxConsecutiveFailures,
                         @DefaultValue("3") int maxClarifyOptions,
                         @DefaultValue("talk_to_human") String humanRequestIntent) {

        /** The policy with the confidence floor of a model (configured or calibrated); the clarify floor never above it. */
        public PolicySettings settings(double modelFloor) {
            return new PolicySettings(modelFloor, ambiguityMargin, Math.min(clarifyFloor, modelFloor), maxConsecutiveFailures,
                    maxClarifyOptions, humanRequestIntent);
        }
    }

    /**
     * @param averageHandlingTime how long an agent takes per conversation, for the visitor's wait estimate
     * @param agentGrace          how long an agent may be offline before their conversations go back to the queue
     * @param consistencyCheckInterval how often the queue is checked against the conversations' states (and at start-up)
     * @param queueUpdateInterval the shortest time between two reads of the queue by one node: changes that come
     *                            faster are shown to consoles and waiting visitors together
     * @param visitorGrace        how long a waiting visitor whose widget closed keeps their place in the queue
     * @param visitorSweepPeriod  how often each node looks for waiting visitors gone longer than the grace
     * @param waitAmber           a wait the supervisor's view shows in amber (in the queue, or since the visitor's
     *                            conversation reached its agent)
     * @param waitRed             a wait it shows in red
     */
    public record Handoff(@DefaultValue("3m") Duration averageHandlingTime,
                          @DefaultValue("30s") Duration agentGrace,
                          @DefaultValue("5m") Duration consistencyCheckInterval,
                          @DefaultValue("100ms") Duration queueUpdateInterval,
                          @DefaultValue("2m") Duration visitorGrace,
                          @DefaultValue("15s") Duration visitorSweepPeriod,
                          @DefaultValue("2m") Duration waitAmber,
                          @DefaultValue("5m") Duration waitRed) {
    }

    /**
     * @param conversations how long a resolved conversation (transcript included) is kept after it was resolved
     * @param leftMessages  how long a left message is kept after it was left
     * @param inMemoryConversations how many conversations the in-memory store keeps at most: beyond, the least
     *                      recently active that no agent is part of are forgotten (the Redis store has no such limit)
     * @param auditLog      how long an entry of the audit log is kept (its count is bounded besides)
     * @param leftMessageContacts how long a left message keeps the visitor's email or phone once an agent dealt with it
     * @param directoryAgents how long an agent from the company's directory stays on the roster after their last sign-in
     */
    public record Retention(@DefaultValue("30d") Duration conversations,
                            @DefaultValue("30d") Duration leftMessages,
                            @DefaultValue("20000") int inMemoryConversations,
                            @DefaultValue("365d") Duration auditLog,
                            @DefaultValue("7d") Duration leftMessageContacts,
                            @DefaultValue("90d") Duration directoryAgents) {
    }

    /**
     * @param maxUnsentFrames               frames a socket may have waiting for its client before it is closed (4008)
     * @param maxQueuedFrames               frames read from one socket and waiting to be handled; beyond, {@code busy}
     * @param messagesInFlightPerConnection messages of one socket being handled at once; beyond, {@code busy}
     * @param messagesInFlightPerNode       messages of all sockets being handled at once, at least; beyond, {@code
     *                                      busy}; more, up to four times as many, while the node works them off
     *                                      within 100 ms (see {@link dev.baton.app.wire.MessageAdmission})
     * @param busyRetryAfter                how long a client told {@code busy} is asked to wait, at least
     * @param maxMessagesWhileLoading       messages kept for a visitor socket while its transcript loads; beyond,
     *                                      the client is told to catch up ({@code too_far_behind})
     */
    public record Sockets(@DefaultValue("1000") int maxUnsentFrames,
                          @DefaultValue("32") int maxQueuedFrames,
                          @DefaultValue("4") int messagesInFlightPerConnection,
                          @DefaultValue("128") int messagesInFlightPerNode,
                          @DefaultValue("1s") Duration busyRetryAfter,
                          @DefaultValue("500") int maxMessagesWhileLoading) {
    }

    /**
     * @param retention   a wording not seen for this long leaves the inbox
     * @param maxWordings at most this many wordings are kept; beyond, the least recently seen leave
     * @param buffer      messages waiting to be put in the inbox at most; beyond, new ones are dropped (and counted)
     * @param lowMargin   an answer whose intent led the runner-up by less than this lands in the inbox too
     */
    public record Inbox(@DefaultValue("30d") Duration retention,
                        @DefaultValue("1000") int maxWordings,
                        @DefaultValue("1000") int buffer,
                        @DefaultValue("0.1") double lowMargin) {

        public dev.baton.inbox.TrainerInbox.Limits limits() {
            return new dev.baton.inbox.TrainerInbox.Limits(retention, maxWordings);
        }
    }

    /**
     * @param answerAfter how long a visitor's message may wait for the bot's answer before any node answers it
     * @param batch       how many such messages one sweep answers at most
     */
    public record Unanswered(@DefaultValue("5s") Duration answerAfter, @DefaultValue("100") int batch) {
    }

    /**
     * Each user's password is a Spring Security encoded hash, e.g. {@code {bcrypt}$2a$10$…}.
     *
     * @param cannedResponses shared canned responses every installation starts with; stored at start-up unless one
     *                        with the same language and shortcut is there (supervisors' changes are kept)
     */
    public record Agents(@DefaultValue List<User> users, @DefaultValue List<CannedResponseSeed> cannedResponses) {

        /**
         * The users with the {@code AGENT} role — who may take conversations, by the name visitors see — and the agents
         * from the company's directory who signed in.
         */
        public AgentRoster roster(DirectoryAgents directory) {
            return new AgentRoster(users.stream()
                    .filter(u -> u.roles().contains("AGENT"))
                    .map(u -> new AgentRoster.Member(new AgentRef(u.username(), u.name() == null || u.name().isBlank() ? u.username() : u.name()),
                            u.capacity() == null ? AgentRoster.DEFAULT_CAPACITY : u.capacity()))
                    .toList(), directory);
        }
    }

    /** A shared canned response from the configuration. */
    public record CannedResponseSeed(String language, String shortcut, String text) {
    }

    /**
     * @param roles    {@code AGENT} may use the console, {@code SUPERVISOR} (with {@code AGENT}) also manages the shared
     *                 canned responses, {@code TRAINER} the trainer API, {@code ADMIN} reads the audit log and uses the
     *                 admin API
     * @param capacity how many conversations an agent may have at once; unset, {@value AgentRoster#DEFAULT_CAPACITY}
     * @param teams    the teams the agent is in, by name (teams may list their members instead, or as well)
     */
    public record User(String username, String name, String passwordHash, @DefaultValue("AGENT") List<String> roles,
                       Integer capacity, @DefaultValue List<String> teams) {
    }

    /**
     * Rate limits (token buckets: a steady pace below the rate is never refused, a burst up to it is allowed). Shared
     * by every node with the Redis store; each node's own with the in-memory store.
     *
     * @param visitor       per visitor id, on the visitor socket
     * @param address       per client address (all its visitors together), on the visitor socket
     * @param login         sign-in attempts and failures
     * @param trainerApi    requests to {@code /api/trainer/**} per client address
     * @param memoryBuckets with the in-memory store, the buckets a node keeps at most (the least used are forgotten)
     */
    public record Limits(@DefaultValue Visitor visitor,
                         @DefaultValue Address address,
                         @DefaultValue Login login,
                         @DefaultValue TrainerApi trainerApi,
                         @DefaultValue("100000") long memoryBuckets) {

        /** {@code message} and {@code leave_message} frames, and conversations started (a new visitor's or a new one). */
        public record Visitor(@DefaultValue("10") int messagesPerSecond,
                              @DefaultValue("300") int messagesPerMinute,
                              @DefaultValue("60") int conversationsPerHour) {
        }

        /** As {@link Visitor}, for all of one address's visitors, and the visitor sockets it may have open on a node. */
        public record Address(@DefaultValue("50") int messagesPerSecond,
                              @DefaultValue("1000") int messagesPerMinute,
                              @DefaultValue("300") int conversationsPerHour,
                              @DefaultValue("200") int openSockets) {
        }

        /**
         * @param attemptsPerMinute  {@code POST /login} per client address; beyond, {@code 429}
         * @param failuresPerAccount failed sign-ins per account name within {@code lockOut}; beyond, locked out
         * @param failuresPerAddress failed sign-ins per client address within {@code lockOut}; beyond, locked out
         * @param lockOut            the period failures are counted in, from the first; a lock-out ends with it
         */
        public record Login(@DefaultValue("20") int attemptsPerMinute,
                            @DefaultValue("5") int failuresPerAccount,
                            @DefaultValue("20") int failuresPerAddress,
                            @DefaultValue("15m") Duration lockOut) {
        }

        public record TrainerApi(@DefaultValue("300") int requestsPerMinute) {
        }
    }

    /** @param timers when a waiting or unanswered conversation turns amber, then red, in every agent's console */
    public record Console(@DefaultValue Timers timers) {
    }

    /**
     * For the whole installation; a team's own ({@code baton.teams[].timers}) override it for its conversations.
     *
     * @param amber a conversation waiting (or a visitor unanswered) this long is shown amber
     * @param red   and this long, red
     */
    public record Timers(@DefaultValue("2m") Duration amber, @DefaultValue("5m") Duration red) {
        public Timers {
            if (amber.isNegative() || amber.isZero() || red.compareTo(amber) <= 0) {
                throw new IllegalArgumentException("baton.console.timers: amber must be positive and red longer than amber, not "
                        + amber + " and " + red);
            }
        }
    }
}
