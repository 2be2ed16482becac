package dev.baton.app.journey;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that stops reading costs the node a bounded amount of memory, then its socket. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "baton.sockets.max-unsent-frames=64")
class SlowClientTest {

    private static final int MOST_MESSAGES_TRIED = 3000;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void aVisitorWhoStopsReadingIsClosedAsTooFarBehind() {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-slow-reader-1"));
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();
        visitor.send(Map.of("type", "message", "text", "I want to talk to a person"));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        ChatSocket agent = sockets.agent(port, "bruno", "bruno-secret-1");
        agent.send(Map.of("type", "accept", "conversationId", conversationId));
        visitor.await("state", f -> f.get("state").stringValue().equals("WITH_AGENT"));

        visitor.pauseReading();
        String longAnswer = "🙂".repeat(4000);
        for (int i = 0; i < MOST_MESSAGES_TRIED && closedTooFarBehind() == 0; i++) {
            String id = "a-" + i;
            agent.send(Map.of("type", "message", "conversationId", conversationId, "text", longAnswer, "clientMessageId", id));
            agent.awaitMessage("agent", m -> m.get("clientMessageId").stringValue().equals(id));
        }
        assertThat(closedTooFarBehind()).as("the server gave up on the visitor").isEqualTo(1);
        visitor.resumeReading();

        assertThat(visitor.awaitClose()).isEqualTo(4008);
    }

    private double closedTooFarBehind() {
        Counter closed = meters.find("baton.sockets.closed").tag("reason", "too_far_behind").counter();
        return closed == null ? 0 : closed.count();
    }
}
