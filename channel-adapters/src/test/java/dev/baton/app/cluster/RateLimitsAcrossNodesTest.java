package dev.baton.app.cluster;

import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor's allowance of new conversations holds whichever node their socket is on: with the Redis store, every
 * node takes from one bucket. (Their messages per second are counted on the node holding the socket: see VisitorLimits.)
 */
class RateLimitsAcrossNodesTest {

    private static final String[] TWO_CONVERSATIONS_AN_HOUR = {"baton.limits.visitor.conversations-per-hour=2"};

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    private static BatonNodes.Node nodeA;
    private static BatonNodes.Node nodeB;

    @BeforeAll
    static void startNodes() {
        nodeA = cluster.startOn(BatonNodes.redis(), TWO_CONVERSATIONS_AN_HOUR);
        nodeB = cluster.startOn(BatonNodes.redis(), TWO_CONVERSATIONS_AN_HOUR);
    }

    @Test
    void aVisitorWhoStartedTheirConversationsOnOneNodeIsRateLimitedOnTheOther() {
        ChatSocket onA = sockets.visitor(nodeA.port());
        onA.send(Map.of("type", "hello", "visitorId", "v-two-nodes-limited"));
        String first = onA.await("welcome").get("conversationId").stringValue();
        onA.send(Map.of("type", "new_conversation"));
        onA.await("welcome", w -> !w.get("conversationId").stringValue().equals(first));

        ChatSocket onB = sockets.visitor(nodeB.port());
        onB.send(Map.of("type", "hello", "visitorId", "v-two-nodes-limited"));
        JsonNode refusedOnB = onB.await("error");
        onA.send(Map.of("type", "new_conversation"));
        JsonNode refusedOnA = onA.await("error");

        assertThat(refusedOnB.get("code").stringValue()).isEqualTo("rate_limited");
        assertThat(refusedOnA.get("code").stringValue()).isEqualTo("rate_limited");
        assertThat(refusedOnA.get("retryAfterMs").asLong()).isPositive();
        ChatSocket polite = sockets.visitor(nodeB.port());
        polite.send(Map.of("type", "hello", "visitorId", "v-two-nodes-polite"));
        polite.await("welcome");
        polite.send(Map.of("type", "message", "text", "How much is shipping?"));
        polite.awaitMessage("bot");
    }
}
