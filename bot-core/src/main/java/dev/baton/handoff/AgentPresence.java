package dev.baton.handoff;

import reactor.core.publisher.Mono;

/** Which agents are online, so the visitor can be told honestly whether anyone can come. */
public interface AgentPresence {

    /** An agent's console connected; counts connections, so two tabs are one agent online until both close. */
    Mono<Void> connected(String agentUsername);

    Mono<Void> disconnected(String agentUsername);

    Mono<Integer> onlineCount();

    /** The usernames of the agents online now. */
    Mono<java.util.Set<String>> online();
}
