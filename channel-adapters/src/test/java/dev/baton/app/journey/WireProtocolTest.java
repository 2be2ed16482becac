package dev.baton.app.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/protocol.md to the letter, as an independent client would hold the server to it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WireProtocolTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void theAgentSocketAnswersEveryUnreadableFrameWithAnErrorAndStaysOpen() {
        ChatSocket agent = agent();

        agent.sendRaw("{this is not json");
        assertError(agent, "malformed_json");
        agent.sendRaw("[1, 2, 3]");
        assertError(agent, "malformed_json");
        agent.sendRaw("42");
        assertError(agent, "malformed_json");
        agent.sendRaw("{\"type\": 7}");
        assertError(agent, "unknown_type");
        agent.sendRaw("{\"conversationId\": \"c-1\"}");
        assertError(agent, "unknown_type");

        agent.send(Map.of("type", "ping"));
        agent.await("pong");
    }

    @Test
    void theAgentSocketSurvivesAFloodOfMalformedFrames() {
        ChatSocket agent = agent();

        for (int i = 0; i < 2000; i++) {
            agent.sendRaw(i % 2 == 0 ? "{broken " + i : "{\"no\": \"type\"}");
        }
        agent.send(Map.of("type", "ping"));

        agent.await("pong");
        assertThat(agent.frames()).filteredOn(f -> f.get("type").stringValue().equals("error")).hasSize(2000);
    }

    @Test
    void invalidUtf8ClosesTheSocketWith1007AndStoresNothing() {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-utf8-0001"));
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();

        byte[] prefix = "{\"type\":\"message\",\"text\":\"caf".getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[prefix.length + 3];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        frame[prefix.length] = (byte) 0xC3; // a two-byte sequence cut short
        frame[prefix.length + 1] = '"';
        frame[prefix.length + 2] = '}';
        visitor.sendTextBytes(frame);

        assertThat(visitor.awaitClose()).isEqualTo(1007);
        ChatSocket again = sockets.visitor(port);
        again.send(Map.of("type", "hello", "visitorId", "v-utf8-0001", "conversationId", conversationId));
        assertThat(again.await("welcome").get("messages").isEmpty()).as("nothing was stored").isTrue();
    }

    @Test
    void jsonTooDeepOrWithTooLongANumberIsRefusedInWordsWithoutTheParsersInternals() {
        ChatSocket visitor = greetedVisitor("v-deep-0001");

        visitor.sendRaw("{\"type\":\"message\",\"text\":\"hi\",\"payload\":" + "[".repeat(600) + "]".repeat(600) + "}");
        assertThat(assertError(visitor, "malformed_json").get("message").stringValue())
                .isEqualTo("the frame is not valid JSON: Document nesting depth (501) exceeds the maximum allowed (500)");
        visitor.sendRaw("{\"type\":\"feedback\",\"messageId\":1" + "0".repeat(1000) + ",\"helpful\":true}");
        assertThat(assertError(visitor, "malformed_json").get("message").stringValue())
                .isEqualTo("the frame is not valid JSON: Number value length (1001) exceeds the maximum allowed (1000)");
        visitor.send(Map.of("type", "ping"));
        visitor.await("pong");
    }

    @Test
    void aBinaryFrameIsReadAsItsUtf8TextAndOneThatIsNotUtf8ClosesWith1007() {
        ChatSocket visitor = greetedVisitor("v-binary-001");

        visitor.sendBinary("{\"type\":\"message\",\"text\":\"Where is my order?\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(visitor.awaitMessage("visitor").get("text").stringValue()).isEqualTo("Where is my order?");
        visitor.awaitMessage("bot");

        visitor.sendBinary(new byte[]{'{', (byte) 0xFF, '}'});
        assertThat(visitor.awaitClose()).isEqualTo(1007);
    }

    @Test
    void anOversizedFrameClosesWith1009EvenWhenAnotherFrameFollowsIt() {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-oversized-1"));
        visitor.await("welcome");

        visitor.sendRaw("{\"type\":\"message\",\"text\":\"" + "x".repeat(600 * 1024) + "\"}");
        visitor.send(Map.of("type", "ping"));

        assertThat(visitor.awaitClose()).isEqualTo(1009);
    }

    @Test
    void pingBeforeHelloIsRefusedAsTheDocsSay() {
        ChatSocket visitor = sockets.visitor(port);

        visitor.send(Map.of("type", "ping"));
        assertError(visitor, "hello_required");

        visitor.send(Map.of("type", "hello", "visitorId", "v-ping-first"));
        visitor.await("welcome");
        visitor.send(Map.of("type", "ping"));
        visitor.await("pong");
    }

    @Test
    void lengthIsCountedInCharactersAPersonSeesNotUtf16Units() {
        ChatSocket visitor = greetedVisitor("v-emoji-0001");

        String emoji = "😀".repeat(2001);
        visitor.send(Map.of("type", "message", "text", emoji));
        assertThat(visitor.awaitMessage("visitor").get("text").stringValue()).isEqualTo(emoji);

        visitor.send(Map.of("type", "message", "text", "😀".repeat(4001)));
        assertThat(assertError(visitor, "message_too_long").get("message").stringValue()).contains("4001 characters");
    }

    @Test
    void aMessageOfOnlyInvisibleCharactersIsEmptyButPersianKeepsItsJoiners() {
        ChatSocket visitor = greetedVisitor("v-invisible-1");

        for (String invisible : new String[]{"\u0000\u0001\u007f", "\u00a0\u00a0\u202f", "\u200b\u200c\u200d", "\u2060\ufeff"}) {
            visitor.send(Map.of("type", "message", "text", invisible));
            assertError(visitor, "empty_message");
        }
        String persian = "می\u200cخواهم با یک نفر صحبت کنم";
        visitor.send(Map.of("type", "message", "text", persian));

        assertThat(visitor.awaitMessage("visitor").get("text").stringValue()).isEqualTo(persian);
        assertThat(visitor.frames()).filteredOn(f -> f.get("type").stringValue().equals("message")).first()
                .satisfies(first -> assertThat(first.get("message").get("id").asLong()).as("nothing invisible was stored").isEqualTo(1));
    }

    @Test
    void aLeftMessagesContactHasALimit() {
        ChatSocket visitor = greetedVisitor("v-contact-01");

        visitor.send(Map.of("type", "leave_message", "text", "please call me back", "contact", "9".repeat(201)));
        assertThat(assertError(visitor, "contact_too_long").get("message").stringValue()).contains("200");

        visitor.send(Map.of("type", "leave_message", "text", "please call me back", "contact", "ana@example.com"));
        assertThat(visitor.awaitMessage("visitor").get("text").stringValue()).isEqualTo("please call me back");
    }

    @Test
    void idsWithBracesNameNoConversation() {
        ChatSocket agent = agent();
        for (String id : new String[]{"{c-1}", "c-{", "c-}", "c 1"}) {
            agent.send(Map.of("type", "open", "conversationId", id));
            assertThat(assertError(agent, "unknown_conversation").get("conversationId").stringValue()).isEqualTo(id);
            agent.send(Map.of("type", "accept", "conversationId", id));
            assertError(agent, "unknown_conversation");
        }

        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-braces-001", "conversationId", "{c-1}"));
        JsonNode welcome = visitor.await("welcome");
        assertThat(welcome.get("resumed").asBoolean()).isFalse();
        assertThat(welcome.get("conversationId").stringValue()).startsWith("c-");
    }

    private ChatSocket agent() {
        ChatSocket agent = sockets.agent(port, "alice", "alice-secret-1");
        agent.await("welcome");
        return agent;
    }

    private ChatSocket greetedVisitor(String visitorId) {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", visitorId));
        visitor.await("welcome");
        return visitor;
    }

    static JsonNode assertError(ChatSocket socket, String code) {
        JsonNode error = socket.await("error");
        assertThat(error.get("code").stringValue()).isEqualTo(code);
        assertThat(error.get("message").stringValue()).isNotBlank();
        return error;
    }
}
