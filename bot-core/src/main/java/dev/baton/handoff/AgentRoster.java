package dev.baton.handoff;

import dev.baton.conversation.AgentRef;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The agents who may take conversations: the name visitors see, and how many conversations each may have at once.
 * The configured ones first, in their order, then those from the company's directory who signed in
 * ({@link DirectoryAgents}); a configured agent is never shadowed by a directory one of the same name.
 */
public final class AgentRoster {

    /** What an agent may have at once unless configured otherwise: enough to work, few enough to answer well. */
    public static final int DEFAULT_CAPACITY = 5;

    /**
     * One agent, the most conversations they may have at once (at least 1), the teams the company's directory puts
     * them in, by name, and whether the directory makes them a supervisor, who sees and may take every team's
     * conversations. A configured agent's teams are configured on the teams ({@link Team#members}) and a configured
     * supervisor is one of {@link Teams}' overseers, so they have neither here; {@link Teams#isIn} and
     * {@link Teams#seesEveryTeam(Member)} decide either way.
     */
    public record Member(AgentRef agent, int capacity, Set<String> directoryTeams, boolean directorySupervisor) {
        public Member {
            Objects.requireNonNull(agent, "agent");
            if (capacity < 1) {
                throw new IllegalArgumentException("an agent's capacity must be at least 1: " + agent.username() + " has " + capacity);
            }
            directoryTeams = Set.copyOf(directoryTeams);
        }

        /** An agent the directory puts in teams but does not make a supervisor. */
        public Member(AgentRef agent, int capacity, Set<String> directoryTeams) {
            this(agent, capacity, directoryTeams, false);
        }

        /** An agent the directory puts in no team: a configured one. */
        public Member(AgentRef agent, int capacity) {
            this(agent, capacity, Set.of());
        }

        public String username() {
            return agent.username();
        }
    }

    private final Map<String, Member> configured = new LinkedHashMap<>();
    private final DirectoryAgents directory;

    /** The configured agents only. */
    public AgentRoster(Collection<Member> members) {
        this(members, NO_DIRECTORY);
    }

    public AgentRoster(Collection<Member> configuredMembers, DirectoryAgents directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        configuredMembers.forEach(member -> {
            if (configured.putIfAbsent(member.username(), member) != null) {
                throw new IllegalArgumentException("the agent " + member.username() + " is listed twice");
            }
        });
    }

    /** The agent; empty for someone neither configured nor enrolled from the directory. */
    public Mono<Member> find(String username) {
        Member member = configured.get(username);
        return member != null ? Mono.just(member) : directory.find(username);
    }

    /** Everyone: the configured agents in the order configured, then the directory's by username. */
    public Flux<Member> members() {
        return Flux.fromIterable(configured.values())
                .concatWith(directory.all().filter(member -> !configured.containsKey(member.username())));
    }

    /** Whether {@code username} is a configured agent, whom the directory does not manage. */
    public boolean isConfigured(String username) {
        return configured.containsKey(username);
    }

    private static final DirectoryAgents NO_DIRECTORY = new DirectoryAgents() {
        @Override
        public Mono<Void> enrol(Member agent, Instant signedInAt) {
            return Mono.error(new UnsupportedOperationException("no directory: agents are configured only"));
        }

        @Override
        public Mono<Void> withdraw(String username) {
            return Mono.empty();
        }

        @Override
        public Mono<Member> find(String username) {
            return Mono.empty();
        }

        @Override
        public Flux<Member> all() {
            return Flux.empty();
        }

        @Override
        public Mono<Integer> forgetSignedInBefore(Instant cutoff) {
            return Mono.just(0);
        }
    };
}
