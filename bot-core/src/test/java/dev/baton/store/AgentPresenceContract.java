package dev.baton.store;

import dev.baton.handoff.AgentPresence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;

/** What every {@link AgentPresence} does, specified once. */
public abstract class AgentPresenceContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    protected AgentPresence presence;
    protected AgentPresence otherNode;

    protected abstract AgentPresence newPresence();

    /** Another node sharing {@link #presence}'s agents; the presence itself on a single node. */
    protected abstract AgentPresence samePresenceOnAnotherNode();

    @BeforeEach
    void createPresence() {
        presence = newPresence();
        otherNode = samePresenceOnAnotherNode();
    }

    private void expectOnline(AgentPresence node, int count) {
        StepVerifier.create(node.onlineCount()).expectNext(count).verifyComplete();
    }

    @Test
    void nobodyIsOnlineAtFirst() {
        expectOnline(presence, 0);
    }

    @Test
    void countsEveryConnectedAgentOnce() {
        presence.connected("alice").block(TIMEOUT);
        presence.connected("bruno").block(TIMEOUT);

        expectOnline(presence, 2);
        expectOnline(otherNode, 2);
    }

    @Test
    void tellsWhichAgentsAreOnlineOnAnyNode() {
        presence.connected("alice").block(TIMEOUT);
        otherNode.connected("bruno").block(TIMEOUT);

        StepVerifier.create(presence.online()).expectNext(java.util.Set.of("alice", "bruno")).verifyComplete();
        otherNode.disconnected("bruno").block(TIMEOUT);
        StepVerifier.create(presence.online()).expectNext(java.util.Set.of("alice")).verifyComplete();
    }

    @Test
    void anAgentWithTwoConsolesIsOnlineUntilBothClose() {
        presence.connected("alice").block(TIMEOUT);
        presence.connected("alice").block(TIMEOUT);
        expectOnline(presence, 1);

        presence.disconnected("alice").block(TIMEOUT);
        expectOnline(presence, 1);

        presence.disconnected("alice").block(TIMEOUT);
        expectOnline(presence, 0);
    }

    @Test
    void anAgentWithConsolesOnTwoNodesIsOnlineUntilBothClose() {
        presence.connected("alice").block(TIMEOUT);
        otherNode.connected("alice").block(TIMEOUT);
        expectOnline(presence, 1);

        presence.disconnected("alice").block(TIMEOUT);
        expectOnline(presence, 1);
        expectOnline(otherNode, 1);

        otherNode.disconnected("alice").block(TIMEOUT);
        expectOnline(presence, 0);
    }

    @Test
    void disconnectingAnAgentWhoWasNotConnectedChangesNothing() {
        presence.connected("alice").block(TIMEOUT);

        StepVerifier.create(presence.disconnected("bruno")).verifyComplete();

        expectOnline(presence, 1);
    }
}
