package dev.baton.app.cluster;

import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A visitor's widget shows whether anyone is there, whichever node the agents sign in on. */
class AgentsOnlineAcrossNodesTest {

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    private static BatonNodes.Node nodeA;
    private static BatonNodes.Node nodeB;

    @BeforeAll
    static void startTwoNodes() {
        nodeA = cluster.start();
        nodeB = cluster.start();
    }

    @Test
    void aVisitorOnOneNodeSeesAnAgentComeAndGoOnTheOther() {
        ChatSocket visitor = sockets.visitor(nodeA.port());
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", "en"));
        assertThat(visitor.await("welcome").get("agentsOnline").asInt()).isZero();

        ChatSocket agent = sockets.agent(nodeB.port(), "alice", "alice-secret-1");
        agent.await("welcome");
        JsonNode someoneThere = visitor.await("state", f -> f.get("agentsOnline").asInt() == 1);
        assertThat(someoneThere.get("state").stringValue()).as("still with the bot").isEqualTo("BOT");

        agent.close();
        visitor.await("state", f -> f.get("agentsOnline").asInt() == 0);
    }
}
