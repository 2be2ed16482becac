package dev.baton.app.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small team over real WebSockets: Carla may have one conversation at once, Maria two. Agents go away and come
 * back, a second accept beyond capacity is refused, and a conversation is transferred with a note for the next agent
 * while its visitor is told, in their language, who is taking over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The demo users' password hashes: carla signs in with alice-secret-1, maria with bruno-secret-1.
        "baton.agents.users[0].username=carla",
        "baton.agents.users[0].name=Carla",
        "baton.agents.users[0].password-hash={bcrypt}$2a$10$dLyidGt6RSc5dOC1.vSBbu/FukLf5jbaDFlbzSJEdqCIpJ35oLDym",
        "baton.agents.users[0].capacity=1",
        "baton.agents.users[1].username=maria",
        "baton.agents.users[1].name=Maria",
        "baton.agents.users[1].password-hash={bcrypt}$2a$10$Svr4NeSz695dH3BnbJezC.zgEbgm8ysrFya7iSvy.Ee6uw4yk/tai",
        "baton.agents.users[1].capacity=2"})
class StatusCapacityAndTransferJourneyTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void anAgentAtCapacityIsRefusedAndTransfersWithANoteOnlyAgentsSee() {
        ChatSocket carla = givenAnAgent("carla", "alice-secret-1");
        ChatSocket maria = givenAnAgent("maria", "bruno-secret-1");
        assertThat(carla.await("agent_status").toString()).contains("\"status\":\"online\"", "\"open\":0", "\"capacity\":1");
        ChatSocket first = givenAVisitorWaiting("it");
        ChatSocket second = givenAVisitorWaiting("en");
        String firstId = conversationOf(first);
        String secondId = conversationOf(second);
        carla.awaitQueued(firstId);
        carla.awaitQueued(secondId);

        carla.send(Map.of("type", "accept", "conversationId", firstId));
        carla.await("conversation", f -> f.get("conversationId").stringValue().equals(firstId));
        carla.send(Map.of("type", "accept", "conversationId", secondId));
        JsonNode refused = carla.await("error", f -> f.get("conversationId").stringValue().equals(secondId));
        assertThat(refused.get("code").stringValue()).isEqualTo("at_capacity");

        carla.send(Map.of("type", "transfer", "conversationId", firstId, "to", "maria", "note", "Wants a refund for order 48213"));
        maria.await("assigned", f -> f.get("conversations").findValuesAsString("conversationId").contains(firstId));
        carla.await("assigned", f -> !f.get("conversations").findValuesAsString("conversationId").contains(firstId));
        assertThat(first.awaitMessage("system", m -> m.get("text").stringValue().startsWith("Maria")).get("text").stringValue())
                .isEqualTo("Maria prende in carico la tua conversazione.");
        assertThat(first.await("state", f -> f.get("state").stringValue().equals("WITH_AGENT")
                && f.get("agentName").stringValue().equals("Maria"))).isNotNull();
        maria.send(Map.of("type", "open", "conversationId", firstId));
        JsonNode note = maria.await("conversation", f -> f.get("conversationId").stringValue().equals(firstId)).get("transcript")
                .findParents("from").stream().filter(m -> m.get("from").stringValue().equals("note")).findFirst().orElseThrow();
        assertThat(note.get("text").stringValue()).isEqualTo("Transferred to Maria: Wants a refund for order 48213");
        assertThat(note.get("agentName").stringValue()).isEqualTo("Carla");
        assertThat(first.frames().toString()).as("the note never reaches the visitor").doesNotContain("order 48213");

        carla.send(Map.of("type", "accept", "conversationId", secondId));
        carla.await("conversation", f -> f.get("conversationId").stringValue().equals(secondId)
                && f.get("state").stringValue().equals("WITH_AGENT"));
    }

    @Test
    void anAwayAgentIsNotCountedForVisitorsAndCannotBeGivenConversations() {
        ChatSocket maria = givenAnAgent("maria", "bruno-secret-1");
        ChatSocket carla = givenAnAgent("carla", "alice-secret-1");
        maria.await("agent_status", f -> f.get("status").stringValue().equals("online"));
        ChatSocket visitor = givenAVisitorWaiting("en");
        String conversationId = conversationOf(visitor);
        assertThat(visitor.frames().stream().filter(f -> f.get("type").stringValue().equals("state"))
                .reduce((first, last) -> last).orElseThrow().get("queue").get("agentsOnline").asInt()).isEqualTo(2);

        maria.send(Map.of("type", "set_status", "status", "away"));
        maria.await("agent_status", f -> f.get("status").stringValue().equals("away"));
        visitor.await("state", f -> f.get("queue") != null && f.get("queue").get("agentsOnline").asInt() == 1);
        carla.send(Map.of("type", "team"));
        JsonNode team = carla.await("team", f -> f.toString().contains("\"away\""));
        assertThat(team.get("agents").findValuesAsString("username")).containsExactly("carla", "maria");

        carla.awaitQueued(conversationId);
        carla.send(Map.of("type", "accept", "conversationId", conversationId));
        carla.await("conversation", f -> f.get("conversationId").stringValue().equals(conversationId));
        carla.send(Map.of("type", "transfer", "conversationId", conversationId, "to", "maria"));
        assertThat(carla.await("error").get("code").stringValue()).isEqualTo("agent_away");
        carla.send(Map.of("type", "transfer", "conversationId", conversationId, "to", "nobody"));
        assertThat(carla.await("error").get("code").stringValue()).isEqualTo("unknown_agent");
        carla.send(Map.of("type", "set_status", "status", "asleep"));
        assertThat(carla.await("error").get("code").stringValue()).isEqualTo("missing_field");

        maria.send(Map.of("type", "set_status", "status", "online"));
        maria.await("agent_status", f -> f.get("status").stringValue().equals("online"));
        carla.send(Map.of("type", "transfer", "conversationId", conversationId, "to", "maria"));
        visitor.awaitMessage("system", m -> m.get("text").stringValue().equals("Maria is taking over your conversation."));
        carla.send(Map.of("type", "resolve", "conversationId", conversationId));
        assertThat(carla.await("error", f -> f.get("conversationId").stringValue().equals(conversationId)).get("code").stringValue())
                .as("no longer Carla's").isEqualTo("not_allowed");
        maria.send(Map.of("type", "resolve", "conversationId", conversationId));
        visitor.await("state", f -> f.get("state").stringValue().equals("RESOLVED"));
    }

    private ChatSocket givenAnAgent(String username, String password) {
        ChatSocket agent = sockets.agent(port, username, password);
        agent.await("welcome");
        return agent;
    }

    private ChatSocket givenAVisitorWaiting(String language) {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", language));
        visitor.await("welcome");
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message");
        frame.put("text", language.equals("it") ? "voglio parlare con un operatore" : "I want to talk to a person");
        frame.put("clientMessageId", UUID.randomUUID().toString());
        visitor.send(frame);
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        return visitor;
    }

    private static String conversationOf(ChatSocket visitor) {
        return visitor.frames().stream().filter(f -> f.get("type").stringValue().equals("welcome"))
                .reduce((first, last) -> last).orElseThrow().get("conversationId").stringValue();
    }
}
