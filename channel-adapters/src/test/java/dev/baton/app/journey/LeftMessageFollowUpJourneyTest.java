package dev.baton.app.journey;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages visitors left, worked by agents over real sockets: taken by one agent and refused to another, answered by
 * email through a real SMTP server on a loopback port, or closed as handled another way; every console sees where
 * each one is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baton.email.from=support@baton.test", "baton.email.signature=Baton Shop support"})
class LeftMessageFollowUpJourneyTest {

    @RegisterExtension
    static final GreenMailExtension mailServer = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mailServer.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void oneAgentTakesALeftMessageAndAnswersItByEmailWhileEveryConsoleSeesWhereItIs() throws Exception {
        String id = leaveAMessage("it", "Dov'è il mio rimborso per l'ordine 77123?", "maria.rossi@example.com");
        ChatSocket alice = givenAnAgent("alice", "alice-secret-1");
        ChatSocket bruno = givenAnAgent("bruno", "bruno-secret-1");

        alice.send(Map.of("type", "claim_left_message", "id", id));
        assertThat(awaitLeft(bruno, id, m -> "claimed".equals(text(m, "status"))).get("agent").stringValue()).isEqualTo("alice");

        bruno.send(Map.of("type", "claim_left_message", "id", id));
        assertThat(bruno.await("error").get("code").stringValue()).isEqualTo("claimed_by_another");

        alice.send(Map.of("type", "email_left_message", "id", id, "text", "Ciao Maria, il rimborso è partito oggi."));
        JsonNode done = awaitLeft(bruno, id, m -> "emailed".equals(text(m, "status")));
        assertThat(done.get("agent").stringValue()).isEqualTo("alice");
        assertThat(done.get("since").stringValue()).isNotBlank();

        // Done means the mail server took it.
        assertThat(mailServer.getReceivedMessagesForDomain("maria.rossi@example.com")).hasSize(1);
        MimeMessage email = mailServer.getReceivedMessagesForDomain("maria.rossi@example.com")[0];
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("maria.rossi@example.com");
        assertThat(email.getFrom()[0].toString()).isEqualTo("support@baton.test");
        assertThat(email.getSubject()).isEqualTo("Il tuo messaggio al nostro servizio clienti");
        assertThat(((String) email.getContent()).replace("\r\n", "\n")).isEqualTo("""
                Ciao Maria, il rimborso è partito oggi.

                — Alice
                Baton Shop support

                Ci hai scritto:
                > Dov'è il mio rimborso per l'ordine 77123?""");

        alice.send(Map.of("type", "close_left_message", "id", id, "note", "twice"));
        assertThat(alice.await("error").get("code").stringValue()).isEqualTo("already_done");
    }

    @Test
    void aMessageLeftWithAPhoneNumberIsClosedAsHandledAnotherWayWithHow() {
        String id = leaveAMessage("en", "Please call me about my broken teapot", "+39 333 1234567");
        ChatSocket bruno = givenAnAgent("bruno", "bruno-secret-1");
        int emailsBefore = mailServer.getReceivedMessages().length;

        bruno.send(Map.of("type", "email_left_message", "id", id, "text", "Hello"));
        assertThat(bruno.await("error").get("code").stringValue()).isEqualTo("no_email_contact");

        bruno.send(Map.of("type", "close_left_message", "id", id, "note", "Called back: a replacement ships tomorrow"));
        JsonNode handled = awaitLeft(bruno, id, m -> "handled".equals(text(m, "status")));
        assertThat(handled.get("note").stringValue()).isEqualTo("Called back: a replacement ships tomorrow");
        assertThat(handled.get("agent").stringValue()).isEqualTo("bruno");
        assertThat(mailServer.getReceivedMessages()).hasSize(emailsBefore);
    }

    @Test
    void anUnknownOrUnnamedLeftMessageGetsAClearError() {
        ChatSocket alice = givenAnAgent("alice", "alice-secret-1");

        alice.send(Map.of("type", "claim_left_message", "id", "m-nobody"));
        assertThat(alice.await("error").get("code").stringValue()).isEqualTo("unknown_left_message");

        alice.send(Map.of("type", "close_left_message", "note", "done"));
        assertThat(alice.await("error", e -> e.get("code").stringValue().equals("missing_field")).get("message").stringValue())
                .contains("id");
    }

    /** A visitor asks for a person while nobody is online and leaves a message; emits its id as agents see it. */
    private String leaveAMessage(String language, String text, String contact) {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", language));
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();
        visitor.send(message(language.equals("it") ? "voglio parlare con un operatore" : "I want to talk to a person"));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        visitor.send(Map.of("type", "leave_message", "text", text, "contact", contact));
        visitor.await("state", f -> f.get("state").stringValue().equals("BOT"));

        ChatSocket agent = givenAnAgent("bruno", "bruno-secret-1");
        agent.send(Map.of("type", "left_messages"));
        JsonNode left = agent.await("left_messages", f -> f.get("messages").findValuesAsString("conversationId").contains(conversationId));
        for (JsonNode m : left.get("messages")) {
            if (m.get("conversationId").stringValue().equals(conversationId)) {
                assertThat(m.get("status").stringValue()).isEqualTo("open");
                return m.get("id").stringValue();
            }
        }
        throw new AssertionError("no left message of " + conversationId);
    }

    private static JsonNode awaitLeft(ChatSocket agent, String id, Predicate<JsonNode> matching) {
        JsonNode frame = agent.await("left_messages", f -> find(f, id) != null && matching.test(find(f, id)));
        return find(frame, id);
    }

    private static JsonNode find(JsonNode leftMessages, String id) {
        for (JsonNode m : leftMessages.get("messages")) {
            if (m.get("id").stringValue().equals(id)) {
                return m;
            }
        }
        return null;
    }

    private static String text(JsonNode m, String field) {
        return m.hasNonNull(field) ? m.get(field).stringValue() : null;
    }

    private ChatSocket givenAnAgent(String username, String password) {
        ChatSocket agent = sockets.agent(port, username, password);
        agent.await("welcome");
        return agent;
    }

    private static Map<String, Object> message(String text) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message");
        frame.put("text", text);
        frame.put("clientMessageId", UUID.randomUUID().toString());
        return frame;
    }
}
