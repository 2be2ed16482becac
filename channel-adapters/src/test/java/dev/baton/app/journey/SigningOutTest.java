package dev.baton.app.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing out ends the agent's work everywhere it was open, not only their next page load. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SigningOutTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void anAgentWhoLogsOutHasEveryOpenConsoleClosedAsSignedOut() {
        String session = Agents.login(port, "alice", "alice-secret-1");
        String otherTab = Agents.login(port, "alice", "alice-secret-1");
        ChatSocket console = sockets.withSession(port, "/ws/agent", session);
        ChatSocket secondConsole = sockets.withSession(port, "/ws/agent", otherTab);
        ChatSocket colleague = sockets.agent(port, "bruno", "bruno-secret-1");
        console.await("welcome");
        secondConsole.await("welcome");
        colleague.await("welcome");

        Agents.logout(port, session);

        assertThat(console.awaitClose()).isEqualTo(4001);
        assertThat(secondConsole.awaitClose()).isEqualTo(4001);
        colleague.send(java.util.Map.of("type", "ping"));
        assertThat(colleague.await("pong")).as("another agent's console stays open").isNotNull();
    }
}
