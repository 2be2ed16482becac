package dev.baton.app.cluster;

import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire protocol's limits and checks on the Redis store, where each message is a few network round trips. */
class WireOnRedisTest {

    private static final int FLOOD = 100;

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    private static BatonNodes.Node node;

    @BeforeAll
    static void startNode() {
        node = cluster.startOn(BatonNodes.redis(), "baton.sockets.messages-in-flight-per-connection=2",
                "baton.sockets.busy-retry-after=250ms");
    }

    @Test
    void idsWithBracesAreUnknownConversationsNotInternalErrors() {
        ChatSocket agent = sockets.agent(node.port(), "alice", "alice-secret-1");
        agent.await("welcome");
        for (String id : new String[]{"{c-1}", "c-{", "c-}"}) {
            agent.send(Map.of("type", "open", "conversationId", id));
            assertThat(agent.await("error").get("code").stringValue()).isEqualTo("unknown_conversation");
            agent.send(Map.of("type", "accept", "conversationId", id));
            assertThat(agent.await("error").get("code").stringValue()).isEqualTo("unknown_conversation");
        }

        ChatSocket visitor = sockets.visitor(node.port());
        visitor.send(Map.of("type", "hello", "visitorId", "v-braces-redis", "conversationId", "{c-1}"));
        JsonNode welcome = visitor.await("welcome");
        assertThat(welcome.get("resumed").asBoolean()).isFalse();
        visitor.send(Map.of("type", "message", "text", "How much does shipping cost?"));
        visitor.awaitMessage("bot");
    }

    @Test
    void aFloodBeyondTheConnectionsShareIsAnsweredBusyAndLaterMessagesAreServed() {
        ChatSocket visitor = sockets.visitor(node.port());
        visitor.send(Map.of("type", "hello", "visitorId", "v-flooding-01"));
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();

        for (int i = 0; i < FLOOD; i++) {
            visitor.send(Map.of("type", "message", "text", "question " + i, "clientMessageId", "flood-" + i));
        }
        int busy = 0;
        for (int i = 0; i < FLOOD; i++) {
            String id = "flood-" + i;
            JsonNode answer = visitor.await("*", f -> isBusyFor(f, id) || isEchoOf(f, id));
            if (isBusyFor(answer, id)) {
                busy++;
                // busy-retry-after (250 ms here), spread up to half as long again
                assertThat(answer.get("retryAfterMs").asLong()).isBetween(250L, 250L * 3 / 2);
                assertThat(answer.get("message").stringValue()).isNotBlank();
            }
        }
        assertThat(busy).as("messages refused as busy").isPositive().isLessThan(FLOOD);
        // A socket's frames are handled in order: the pong comes once the admitted flood is handled, and its share is
        // free again (a message's echo comes before the bot has answered it, so the last echo does not say so).
        visitor.send(Map.of("type", "ping"));
        visitor.await("pong");

        visitor.send(Map.of("type", "message", "text", "How much does shipping cost?", "clientMessageId", "after-the-flood"));
        JsonNode served = visitor.await("*", f -> isEchoOf(f, "after-the-flood") || isBusyFor(f, "after-the-flood"));
        assertThat(served.get("type").stringValue()).isEqualTo("message");
        ChatSocket again = sockets.visitor(node.port());
        again.send(Map.of("type", "hello", "visitorId", "v-flooding-01", "conversationId", conversationId));
        assertThat(again.await("welcome").get("messages").findValuesAsString("clientMessageId"))
                .as("a refused message was not stored").doesNotContainAnyElementsOf(
                        visitor.frames().stream().filter(f -> f.get("type").stringValue().equals("error"))
                                .map(f -> f.path("clientMessageId").asString("")).toList());
    }

    private static boolean isBusyFor(JsonNode frame, String clientMessageId) {
        return frame.get("type").stringValue().equals("error") && frame.get("code").stringValue().equals("busy")
                && frame.path("clientMessageId").asString("").equals(clientMessageId);
    }

    private static boolean isEchoOf(JsonNode frame, String clientMessageId) {
        return frame.get("type").stringValue().equals("message")
                && frame.get("message").path("clientMessageId").asString("").equals(clientMessageId);
    }
}
