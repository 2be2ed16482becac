package dev.baton.app.console;

import dev.baton.app.config.BatonProperties;
import dev.baton.conversation.AgentRef;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured agents, by username: who may log in to the console and the name visitors see. */
public final class AgentDirectory {

    private final Map<String, AgentRef> byUsername;
    private final Set<String> supervisors;

    public AgentDirectory(BatonProperties.Agents agents) {
        this.supervisors = agents.users().stream().filter(u -> u.roles().contains("AGENT") && u.roles().contains("SUPERVISOR"))
                .map(BatonProperties.User::username).collect(Collectors.toUnmodifiableSet());
        this.byUsername = agents.users().stream()
                .filter(u -> u.roles().contains("AGENT"))
                .map(u -> new AgentRef(u.username(), u.name() == null || u.name().isBlank() ? u.username() : u.name()))
                .collect(Collectors.toUnmodifiableMap(AgentRef::username, Function.identity()));
    }

    public Optional<AgentRef> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    /** Whether the agent may manage what all agents share (the shared canned responses). */
    public boolean isSupervisor(String username) {
        return supervisors.contains(username);
    }
}
