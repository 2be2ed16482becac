package dev.baton.app.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Internal notes over real sockets on the in-memory store: agents write them into the transcript for each other,
 * and the visitor never reads one — not live, not on resuming, not by resending a note's client id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InternalNotesTest {

    private static final String NOTE = "VIP customer, refund 48213 already approved by finance";

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void aNoteReachesEveryConsoleWithTheConversationOpenAndNeverTheVisitor() {
        ChatSocket alice = agent("alice", "alice-secret-1");
        ChatSocket bruno = agent("bruno", "bruno-secret-1");
        ChatSocket visitor = visitorAskingForAPerson("v-notes-" + UUID.randomUUID().toString().substring(0, 8));
        String conversationId = conversationOf(visitor);
        alice.awaitQueued(conversationId);
        alice.send(Map.of("type", "accept", "conversationId", conversationId));
        alice.await("conversation");
        bruno.send(Map.of("type", "open", "conversationId", conversationId));
        bruno.await("conversation");

        alice.send(Map.of("type", "note", "conversationId", conversationId, "text", NOTE, "clientMessageId", "note-1"));

        JsonNode written = alice.awaitMessage("note");
        assertThat(written.get("text").stringValue()).isEqualTo(NOTE);
        assertThat(written.get("agentName").stringValue()).isEqualTo("Alice");
        assertThat(bruno.awaitMessage("note").get("id").asLong()).isEqualTo(written.get("id").asLong());
        alice.send(Map.of("type", "message", "conversationId", conversationId, "text", "Good news about your refund."));
        JsonNode reply = visitor.awaitMessage("agent");
        assertThat(reply.get("id").asLong()).as("the reply came after the note").isGreaterThan(written.get("id").asLong());
        assertThat(textsOf(visitor)).doesNotContain(NOTE);
        bruno.send(Map.of("type", "open", "conversationId", conversationId));
        assertThat(bruno.await("conversation").get("transcript").findValuesAsString("from")).contains("note");
    }

    @Test
    void aVisitorWhoComesBackOrResendsTheNotesIdNeverReadsIt() {
        ChatSocket alice = agent("alice", "alice-secret-1");
        String visitorId = "v-notes-" + UUID.randomUUID().toString().substring(0, 8);
        ChatSocket visitor = visitorAskingForAPerson(visitorId);
        String conversationId = conversationOf(visitor);
        alice.awaitQueued(conversationId);
        alice.send(Map.of("type", "accept", "conversationId", conversationId));
        alice.await("conversation");
        long joined = visitor.awaitMessage("system").get("id").asLong();
        alice.send(Map.of("type", "note", "conversationId", conversationId, "text", NOTE, "clientMessageId", "note-2"));
        long noted = alice.awaitMessage("note").get("id").asLong();
        visitor.close();

        ChatSocket fromTheStart = resume(visitorId, conversationId, 0);
        ChatSocket fromBeforeTheNote = resume(visitorId, conversationId, joined);

        assertThat(fromTheStart.await("welcome").get("messages").findValuesAsString("text")).isNotEmpty().doesNotContain(NOTE);
        assertThat(fromBeforeTheNote.await("welcome").get("messages").findValues("id")).extracting(JsonNode::asLong)
                .doesNotContain(noted);
        fromTheStart.send(Map.of("type", "message", "text", "is anyone there?", "clientMessageId", "note-2"));
        fromTheStart.send(Map.of("type", "message", "text", "hello?", "clientMessageId", "after-the-resend"));
        fromTheStart.awaitMessage("visitor", m -> m.get("clientMessageId").stringValue().equals("after-the-resend"));
        assertThat(textsOf(fromTheStart)).doesNotContain(NOTE);
        assertThat(textsOf(fromBeforeTheNote)).doesNotContain(NOTE);
    }

    @Test
    void anEmptyNoteOrOneOnAnUnknownConversationIsRefusedWithItsCode() {
        ChatSocket alice = agent("alice", "alice-secret-1");

        alice.send(Map.of("type", "note", "conversationId", "c-nobody-knows", "text", "hello"));
        assertThat(alice.await("error").get("code").stringValue()).isEqualTo("unknown_conversation");
        alice.send(Map.of("type", "note", "conversationId", "c-nobody-knows", "text", " \u200B "));
        assertThat(alice.await("error").get("code").stringValue()).isEqualTo("empty_message");
        alice.send(Map.of("type", "note", "conversationId", "c-nobody-knows"));
        assertThat(alice.await("error").get("code").stringValue()).isEqualTo("missing_field");
    }

    private ChatSocket agent(String username, String password) {
        ChatSocket agent = sockets.agent(port, username, password);
        agent.await("welcome");
        return agent;
    }

    private ChatSocket visitorAskingForAPerson(String visitorId) {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", visitorId, "language", "en"));
        visitor.await("welcome");
        visitor.send(Map.of("type", "message", "text", "I want to talk to a person", "clientMessageId", UUID.randomUUID().toString()));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        return visitor;
    }

    private ChatSocket resume(String visitorId, String conversationId, long lastSeenId) {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", visitorId, "conversationId", conversationId, "lastSeenId", lastSeenId));
        return visitor;
    }

    private static String conversationOf(ChatSocket visitor) {
        return visitor.frames().stream().filter(f -> f.get("type").stringValue().equals("welcome"))
                .findFirst().orElseThrow().get("conversationId").stringValue();
    }

    /** Every text the socket received, in any frame. */
    private static List<String> textsOf(ChatSocket socket) {
        return socket.frames().stream().flatMap(f -> f.findValuesAsString("text").stream()).toList();
    }
}
