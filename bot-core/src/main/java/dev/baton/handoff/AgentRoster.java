package dev.baton.handoff;

import dev.baton.conversation.AgentRef;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agents who may take conversations: the name visitors see, and how many conversations each may have at once. */
public final class AgentRoster {

    /** What an agent may have at once unless configured otherwise: enough to work, few enough to answer well. */
    public static final int DEFAULT_CAPACITY = 5;

    /** One agent and the most conversations they may have at once (at least 1). */
    public record Member(AgentRef agent, int capacity) {
        public Member {
            if (capacity < 1) {
                throw new IllegalArgumentException("an agent's capacity must be at least 1: " + agent.username() + " has " + capacity);
            }
        }

        public String username() {
            return agent.username();
        }
    }

    private final Map<String, Member> byUsername = new LinkedHashMap<>();

    public AgentRoster(Collection<Member> members) {
        members.forEach(member -> {
            if (byUsername.putIfAbsent(member.username(), member) != null) {
                throw new IllegalArgumentException("the agent " + member.username() + " is listed twice");
            }
        });
    }

    public Optional<Member> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    /** Everyone, in the order configured. */
    public List<Member> members() {
        return List.copyOf(byUsername.values());
    }
}
