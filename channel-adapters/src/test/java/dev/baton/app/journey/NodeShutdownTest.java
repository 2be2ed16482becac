package dev.baton.app.journey;

import dev.baton.app.BatonApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A node that is being stopped tells its visitors and agents to reconnect before it goes. */
class NodeShutdownTest {

    @Test
    void aStoppingNodeAsksItsClientsToReconnect() {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(BatonApplication.class)
                .run("--server.port=0", "--baton.intents=../intents");
        int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
        try (ChatSocket visitor = ChatSocket.connect(port, "/ws/visitor");
             ChatSocket agent = ChatSocket.connect(port, "/ws/agent", Agents.login(port, "alice", "alice-secret-1"))) {
            visitor.send(Map.of("type", "hello", "visitorId", "v-shutdown-1"));
            visitor.await("welcome");
            agent.await("welcome");

            node.close();

            visitor.await("reconnect");
            agent.await("reconnect");
            assertThat(visitor.awaitClose()).isEqualTo(1012);
        } finally {
            node.close();
        }
    }
}
