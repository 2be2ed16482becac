package dev.baton.app.journey;

import dev.baton.handoff.Presence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** On one node with the in-memory store, a visitor's widget shows agents signing in and out as they do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgentsOnlineTest {

    @LocalServerPort
    int port;

    @Autowired
    Presence presence;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void aVisitorWithTheBotSeesAnAgentSignInAndOut() {
        NobodyOnline.await(presence);
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", "en"));
        assertThat(visitor.await("welcome").get("agentsOnline").asInt()).isZero();

        ChatSocket agent = sockets.agent(port, "alice", "alice-secret-1");
        agent.await("welcome");
        assertThat(visitor.await("state", f -> f.get("agentsOnline").asInt() == 1).get("queue").isNull()).isTrue();

        agent.close();
        visitor.await("state", f -> f.get("agentsOnline").asInt() == 0);
    }
}
