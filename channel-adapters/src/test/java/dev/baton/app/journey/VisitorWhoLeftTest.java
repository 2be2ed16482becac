package dev.baton.app.journey;

import dev.baton.engine.DepartedVisitors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A waiting visitor closes the tab: agents see them gone at once, and once the grace period has passed they
 * leave the queue with a note, and the visitor behind them moves up. Nothing is waited for: the grace is zero here
 * and the test sweeps when it chooses (the engine's tests move a clock through the grace).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baton.handoff.visitor-grace=0s", "baton.handoff.visitor-sweep-period=1h"})
class VisitorWhoLeftTest {

    @LocalServerPort
    int port;

    @Autowired
    DepartedVisitors departedVisitors;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void aWaitingVisitorWhoClosedTheTabLeavesTheQueueAfterTheGraceAndTheNextMovesUp() {
        ChatSocket agent = sockets.agent(port, "alice", "alice-secret-1");
        agent.await("welcome");
        String leaverId = "v-" + UUID.randomUUID().toString().replace("-", "");
        ChatSocket leaver = waitingVisitor(leaverId);
        String leaving = conversationOf(leaver);
        leaver.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        ChatSocket stayer = waitingVisitor("v-" + UUID.randomUUID().toString().replace("-", ""));
        String staying = conversationOf(stayer);
        assertThat(stayer.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"))
                .get("queue").get("position").asInt()).isEqualTo(2);
        assertThat(agent.awaitQueued(leaving).get("visitorOnline").asBoolean()).isTrue();
        assertThat(agent.awaitQueued(staying).get("visitorOnline").asBoolean()).isTrue();

        leaver.close();

        JsonNode gone = agent.await("visitor_presence", f -> f.get("conversationId").stringValue().equals(leaving));
        assertThat(gone.get("visitorOnline").asBoolean()).isFalse();
        assertThat(Instant.parse(gone.get("visitorLastSeen").stringValue())).isBefore(Instant.now().plusSeconds(1));
        assertThat(departedVisitors.sweep().collectList().block()).extracting(c -> c.id()).containsExactly(leaving);

        assertThat(stayer.await("state", f -> f.get("queue").get("position").asInt() == 1).get("state").stringValue())
                .isEqualTo("WAITING_FOR_AGENT");
        JsonNode after = agent.await("queue_update", f -> textsOf(f.get("removed")).contains(leaving));
        assertThat(after.get("size").asInt()).isEqualTo(1);
        ChatSocket back = sockets.visitor(port);
        back.send(Map.of("type", "hello", "visitorId", leaverId, "conversationId", leaving));
        JsonNode welcome = back.await("welcome");
        assertThat(welcome.get("state").stringValue()).isEqualTo("BOT");
        JsonNode note = welcome.get("messages").get(welcome.get("messages").size() - 1);
        assertThat(note.get("from").stringValue()).isEqualTo("system");
        assertThat(note.get("text").stringValue()).isEqualTo("The visitor left before an agent was free.");
    }

    private ChatSocket waitingVisitor(String visitorId) {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", visitorId, "language", "en"));
        visitor.await("welcome");
        visitor.send(Map.of("type", "message", "text", "I want to talk to a person", "clientMessageId", UUID.randomUUID().toString()));
        return visitor;
    }

    private static java.util.List<String> textsOf(JsonNode array) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        array.forEach(n -> texts.add(n.stringValue()));
        return texts;
    }

    private static String conversationOf(ChatSocket visitor) {
        return visitor.frames().stream().filter(f -> f.get("type").stringValue().equals("welcome"))
                .findFirst().orElseThrow().get("conversationId").stringValue();
    }
}
