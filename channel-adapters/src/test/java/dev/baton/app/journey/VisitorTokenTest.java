package dev.baton.app.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's token for a visitor id (docs/protocol.md, "Visitor tokens"): issued in every welcome, shown to
 * resume; a token that is not the visitor's is refused; a client that sends none still resumes while tokens are
 * not required ({@link RequiredVisitorTokenTest}: once they are).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VisitorTokenTest {

    static String newVisitorId() {
        return "v-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static Map<String, Object> hello(String visitorId, String token, String conversationId) {
        Map<String, Object> hello = new HashMap<>(Map.of("type", "hello", "visitorId", visitorId));
        if (token != null) {
            hello.put("visitorToken", token);
        }
        if (conversationId != null) {
            hello.put("conversationId", conversationId);
        }
        return hello;
    }

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void theWelcomeCarriesTheVisitorsTokenAndTheTokenResumesTheConversation() {
        String visitorId = newVisitorId();
        ChatSocket first = sockets.visitor(port).send(hello(visitorId, null, null));
        JsonNode welcome = first.await("welcome");
        String token = welcome.get("visitorToken").stringValue();
        assertThat(token).startsWith("vt1.");
        String conversationId = welcome.get("conversationId").stringValue();

        JsonNode resumed = sockets.visitor(port).send(hello(visitorId, token, conversationId)).await("welcome");

        assertThat(resumed.get("resumed").booleanValue()).isTrue();
        assertThat(resumed.get("conversationId").stringValue()).isEqualTo(conversationId);
        assertThat(resumed.get("visitorToken").stringValue()).isEqualTo(token);
    }

    @Test
    void anotherVisitorsTokenIsRefusedAndTheSocketStaysOpenForAFreshStart() {
        String victim = newVisitorId();
        JsonNode victimsWelcome = sockets.visitor(port).send(hello(victim, null, null)).await("welcome");
        String othersToken = sockets.visitor(port).send(hello(newVisitorId(), null, null)).await("welcome")
                .get("visitorToken").stringValue();

        ChatSocket attacker = sockets.visitor(port)
                .send(hello(victim, othersToken, victimsWelcome.get("conversationId").stringValue()));
        assertThat(attacker.await("error").get("code").stringValue()).isEqualTo("invalid_visitor_token");
        assertThat(attacker.frames()).noneMatch(f -> f.get("type").stringValue().equals("welcome"));

        attacker.send(hello(newVisitorId(), null, null));
        JsonNode fresh = attacker.await("welcome");
        assertThat(fresh.get("conversationId").stringValue()).isNotEqualTo(victimsWelcome.get("conversationId").stringValue());
    }

    @Test
    void aClientThatSendsNoTokenStillResumes() {
        String visitorId = newVisitorId();
        String conversationId = sockets.visitor(port).send(hello(visitorId, null, null)).await("welcome")
                .get("conversationId").stringValue();

        JsonNode resumed = sockets.visitor(port).send(hello(visitorId, null, conversationId)).await("welcome");

        assertThat(resumed.get("resumed").booleanValue()).isTrue();
    }
}
