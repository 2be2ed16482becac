package dev.baton.app.cluster;

import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A visitor's limit holds whichever node their socket is on: with the Redis store, every node takes from one bucket. */
class RateLimitsAcrossNodesTest {

    private static final String[] THREE_MESSAGES_A_MINUTE = {"baton.limits.visitor.messages-per-second=3",
            "baton.limits.visitor.messages-per-minute=3"};

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    private static BatonNodes.Node nodeA;
    private static BatonNodes.Node nodeB;

    @BeforeAll
    static void startNodes() {
        nodeA = cluster.startOn(BatonNodes.redis(), THREE_MESSAGES_A_MINUTE);
        nodeB = cluster.startOn(BatonNodes.redis(), THREE_MESSAGES_A_MINUTE);
    }

    @Test
    void aVisitorWhoUsedTheirMessagesOnOneNodeIsRateLimitedOnTheOther() {
        ChatSocket onA = sockets.visitor(nodeA.port());
        onA.send(Map.of("type", "hello", "visitorId", "v-two-nodes-limited"));
        String conversationId = onA.await("welcome").get("conversationId").stringValue();
        send(onA, "m-1");
        send(onA, "m-2");
        ChatSocket onB = sockets.visitor(nodeB.port());
        onB.send(Map.of("type", "hello", "visitorId", "v-two-nodes-limited", "conversationId", conversationId));
        onB.await("welcome");
        send(onB, "m-3");

        onB.send(Map.of("type", "message", "text", "And one more thing", "clientMessageId", "m-4"));
        onA.send(Map.of("type", "message", "text", "And one more thing", "clientMessageId", "m-5"));

        JsonNode refusedOnB = onB.await("error");
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

    private static void send(ChatSocket visitor, String clientMessageId) {
        visitor.send(Map.of("type", "message", "text", "Question " + clientMessageId, "clientMessageId", clientMessageId));
        visitor.awaitMessage("visitor", m -> clientMessageId.equals(m.get("clientMessageId").stringValue()));
    }
}
