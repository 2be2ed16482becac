package dev.baton.engine;

import dev.baton.conversation.Conversation;
import dev.baton.handoff.Presence;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure no visitor is left talking to an agent who is gone: an agent offline for longer than the grace
 * period (a closed laptop, a dead node) loses their conversations to the front of the queue. The grace period
 * lets a console reload or a brief network drop pass unnoticed. Every node may run one; they agree through the
 * stores.
 */
public final class AbandonedConversations implements Sweep {

    private final AgentDesk desk;
    private final Presence presence;
    private final Set<String> agents;
    private final Duration grace;
    private final Clock clock;
    private final Map<String, Instant> offlineSince = new ConcurrentHashMap<>();

    /** @param agents every agent who may hold conversations (the configured ones) */
    public AbandonedConversations(AgentDesk desk, Presence presence, Set<String> agents, Duration grace, Clock clock) {
        this.desk = desk;
        this.presence = presence;
        this.agents = Set.copyOf(agents);
        this.grace = grace;
        this.clock = clock;
    }

    /** One look at who is online; emits the conversations it sent back to the queue. */
    @Override
    public Flux<Conversation> sweep() {
        return presence.online().flatMapMany(online -> {
            Instant now = clock.instant();
            return Flux.fromIterable(agents).concatMap(agent -> {
                if (online.contains(agent)) {
                    offlineSince.remove(agent);
                    return Flux.empty();
                }
                Instant since = offlineSince.computeIfAbsent(agent, a -> now);
                return Duration.between(since, now).compareTo(grace) >= 0 ? desk.requeueConversationsOf(agent) : Flux.empty();
            });
        });
    }
}
