package dev.baton.app.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear error over the socket, stores nothing, and nobody else notices. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void everyBadFrameGetsAClearErrorAndTheSocketKeepsWorking() {
        ChatSocket visitor = open("/ws/visitor");
        ChatSocket bystander = open("/ws/visitor");
        bystander.send(Map.of("type", "hello", "visitorId", "v-bystander-1"));
        bystander.await("welcome");

        visitor.sendRaw("{this is not json");
        assertError(visitor, "malformed_json");
        visitor.sendRaw("[1, 2, 3]");
        assertError(visitor, "malformed_json");
        // A frame that ends mid-object once left the socket deaf to every later frame.
        visitor.sendRaw("{");
        assertError(visitor, "malformed_json");
        visitor.sendRaw("{\"type\":\"hello\",\"visitorId\":");
        assertError(visitor, "malformed_json");
        visitor.send(Map.of("type", "message", "text", "hello before hello"));
        assertError(visitor, "hello_required");
        visitor.send(Map.of("type", "hello", "visitorId", "x"));
        assertError(visitor, "invalid_visitor_id");
        visitor.send(Map.of("type", "hello", "visitorId", "v-bad-input-1"));
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();

        visitor.send(Map.of("type", "dance"));
        assertThat(assertError(visitor, "unknown_type").get("message").stringValue()).contains("dance");
        visitor.send(Map.of("type", "message"));
        assertThat(assertError(visitor, "missing_field").get("message").stringValue()).contains("text");
        visitor.send(Map.of("type", "message", "text", "   "));
        assertError(visitor, "empty_message");
        visitor.send(Map.of("type", "message", "text", "x".repeat(100 * 1024)));
        assertThat(assertError(visitor, "message_too_long").get("message").stringValue()).contains("4000");
        visitor.send(Map.of("type", "stop_waiting"));
        assertError(visitor, "not_allowed");

        visitor.send(Map.of("type", "message", "text", "What are your opening hours?"));
        visitor.awaitMessage("bot");
        bystander.send(Map.of("type", "message", "text", "How much is shipping?"));
        bystander.awaitMessage("bot");
        assertThat(visitor.frames()).filteredOn(f -> f.get("type").stringValue().equals("message"))
                .extracting(f -> f.get("message").get("id").asLong())
                .as("nothing from the refused frames was stored")
                .containsExactly(1L, 2L);
        assertThat(conversationId).startsWith("c-");
    }

    @Test
    void anUnknownConversationIsReportedToAgentsAndVisitorsGetAFreshOne() {
        ChatSocket agent = sockets.agent(port, "bruno", "bruno-secret-1");
        agent.await("welcome");

        agent.send(Map.of("type", "accept", "conversationId", "c-does-not-exist"));
        JsonNode error = assertError(agent, "unknown_conversation");
        assertThat(error.get("conversationId").stringValue()).isEqualTo("c-does-not-exist");

        ChatSocket visitor = open("/ws/visitor");
        visitor.send(Map.of("type", "hello", "visitorId", "v-forgotten-1", "conversationId", "c-does-not-exist"));
        JsonNode welcome = visitor.await("welcome");
        assertThat(welcome.get("resumed").asBoolean()).isFalse();
        assertThat(welcome.get("conversationId").stringValue()).isNotEqualTo("c-does-not-exist");
    }

    @Test
    void anErrorQuotesAtMostSixtyFourCharactersOfWhatTheClientSent() {
        String huge = "y".repeat(100_000);
        ChatSocket visitor = open("/ws/visitor");
        ChatSocket agent = sockets.agent(port, "bruno", "bruno-secret-1");
        agent.await("welcome");

        visitor.send(Map.of("type", huge));
        agent.send(Map.of("type", huge));
        agent.send(Map.of("type", "open", "conversationId", huge));
        visitor.sendRaw("{\"type\": " + huge + "}");

        String quoted = "y".repeat(64) + "…";
        String tooMuch = "y".repeat(65);
        assertThat(assertError(visitor, "unknown_type").get("message").stringValue()).contains(quoted).doesNotContain(tooMuch);
        assertThat(assertError(agent, "unknown_type").get("message").stringValue()).contains(quoted).doesNotContain(tooMuch);
        JsonNode unknown = assertError(agent, "unknown_conversation");
        assertThat(unknown.get("message").stringValue()).contains(quoted).doesNotContain(tooMuch);
        assertThat(unknown.get("conversationId").stringValue()).isEqualTo(quoted);
        assertThat(assertError(visitor, "malformed_json").get("message").stringValue()).contains("y".repeat(64)).doesNotContain(tooMuch);
    }

    @Test
    void aVisitorCannotResumeSomeoneElsesConversation() {
        ChatSocket owner = open("/ws/visitor");
        owner.send(Map.of("type", "hello", "visitorId", "v-owner-0001"));
        String theirs = owner.await("welcome").get("conversationId").stringValue();
        owner.send(Map.of("type", "message", "text", "my email is private@example.com"));
        owner.awaitMessage("bot");

        ChatSocket intruder = open("/ws/visitor");
        intruder.send(Map.of("type", "hello", "visitorId", "v-intruder-01", "conversationId", theirs));

        JsonNode welcome = intruder.await("welcome");
        assertThat(welcome.get("conversationId").stringValue()).isNotEqualTo(theirs);
        assertThat(welcome.get("messages").isEmpty()).isTrue();
    }

    @Test
    void theAgentSocketRefusesAnyoneNotLoggedIn() {
        assertThat(Agents.anonymousHandshakeStatus(port, "/ws/agent")).isEqualTo(401);
        assertThat(Agents.loginFails(port, "alice", "wrong-password")).isTrue();
        assertThat(Agents.anonymousHandshakeStatus(port, "/ws/visitor")).isEqualTo(101);
    }

    private ChatSocket open(String path) {
        return sockets.anonymous(port, path);
    }

    private static JsonNode assertError(ChatSocket socket, String code) {
        JsonNode error = socket.await("error");
        assertThat(error.get("code").stringValue()).isEqualTo(code);
        assertThat(error.get("message").stringValue()).isNotBlank();
        return error;
    }
}
