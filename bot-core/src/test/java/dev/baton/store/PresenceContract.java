package dev.baton.store;

import dev.baton.handoff.Presence;
import dev.baton.handoff.Sighting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link Presence} does, specified once: for agents by username, for visitors by conversation. */
public abstract class PresenceContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    protected Presence presence;
    protected Presence otherNode;

    protected abstract Presence newPresence();

    /** Another node sharing {@link #presence}'s agents; the presence itself on a single node. */
    protected abstract Presence samePresenceOnAnotherNode();

    @BeforeEach
    void createPresence() {
        presence = newPresence();
        otherNode = samePresenceOnAnotherNode();
    }

    private void expectOnline(Presence node, int count) {
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

    @Test
    void someoneConnectedOnAnyNodeIsSeenOnline() {
        presence.connected("c-1").block(TIMEOUT);

        StepVerifier.create(otherNode.seen(List.of("c-1"))).expectNext(Map.of("c-1", Sighting.onlineNow())).verifyComplete();
    }

    @Test
    void someoneWhoseLastConnectionClosedIsSeenGoneSinceThen() {
        presence.connected("c-1").block(TIMEOUT);
        Instant before = Instant.now().minusSeconds(2);

        presence.disconnected("c-1").block(TIMEOUT);

        Sighting seen = otherNode.seen(List.of("c-1")).block(TIMEOUT).get("c-1");
        assertThat(seen.online()).isFalse();
        assertThat(seen.lastSeen()).hasValueSatisfying(at -> assertThat(at).isBetween(before, Instant.now().plusSeconds(2)));
    }

    @Test
    void someoneNeverConnectedIsNeverSeen() {
        presence.connected("c-1").block(TIMEOUT);

        StepVerifier.create(presence.seen(List.of("c-2", "c-1")))
                .assertNext(seen -> assertThat(seen).containsExactly(
                        Map.entry("c-2", Sighting.never()), Map.entry("c-1", Sighting.onlineNow())))
                .verifyComplete();
        StepVerifier.create(presence.seen(List.of())).expectNext(Map.of()).verifyComplete();
    }

    @Test
    void someoneWithConnectionsOnTwoNodesIsSeenOnlineUntilBothClose() {
        presence.connected("c-1").block(TIMEOUT);
        otherNode.connected("c-1").block(TIMEOUT);

        otherNode.disconnected("c-1").block(TIMEOUT);
        assertThat(presence.seen(List.of("c-1")).block(TIMEOUT).get("c-1").online()).isTrue();

        presence.disconnected("c-1").block(TIMEOUT);
        assertThat(otherNode.seen(List.of("c-1")).block(TIMEOUT).get("c-1").online()).isFalse();
    }

    @Test
    void someoneWhoComesBackIsOnlineAgain() {
        presence.connected("c-1").block(TIMEOUT);
        presence.disconnected("c-1").block(TIMEOUT);

        otherNode.connected("c-1").block(TIMEOUT);

        StepVerifier.create(presence.seen(List.of("c-1"))).expectNext(Map.of("c-1", Sighting.onlineNow())).verifyComplete();
    }

    @Test
    void anAgentWhoIsAwayStaysOnlineButIsNotCountedOnAnyNode() {
        presence.connected("alice").block(TIMEOUT);
        presence.connected("bruno").block(TIMEOUT);

        otherNode.setAway("alice", true).block(TIMEOUT);

        expectOnline(presence, 1);
        StepVerifier.create(presence.online()).expectNext(java.util.Set.of("alice", "bruno")).verifyComplete();
        StepVerifier.create(presence.away()).expectNext(java.util.Set.of("alice")).verifyComplete();

        presence.setAway("alice", false).block(TIMEOUT);
        expectOnline(otherNode, 2);
        StepVerifier.create(otherNode.away()).expectNext(java.util.Set.of()).verifyComplete();
    }

    @Test
    void beingAwayOutlastsTheAgentsConsoles() {
        presence.connected("alice").block(TIMEOUT);
        presence.setAway("alice", true).block(TIMEOUT);
        presence.disconnected("alice").block(TIMEOUT);

        otherNode.connected("alice").block(TIMEOUT);

        expectOnline(presence, 0);
        StepVerifier.create(presence.away()).expectNext(java.util.Set.of("alice")).verifyComplete();
    }

    @Test
    void forgetsSomeoneWithAllTheirConnectionsOnlineGoneOrAway() {
        presence.connected("c-erased").block(TIMEOUT);
        presence.connected("c-erased").block(TIMEOUT);
        presence.connected("c-gone").block(TIMEOUT);
        presence.disconnected("c-gone").block(TIMEOUT);
        presence.setAway("c-erased", true).block(TIMEOUT);
        presence.connected("c-kept").block(TIMEOUT);

        presence.forget("c-erased").block(TIMEOUT);
        otherNode.forget("c-gone").block(TIMEOUT);

        StepVerifier.create(otherNode.online()).expectNext(java.util.Set.of("c-kept")).verifyComplete();
        StepVerifier.create(presence.away()).expectNext(java.util.Set.of()).verifyComplete();
        StepVerifier.create(presence.seen(java.util.List.of("c-erased", "c-gone")))
                .expectNext(java.util.Map.of("c-erased", Sighting.never(), "c-gone", Sighting.never())).verifyComplete();
    }
}
