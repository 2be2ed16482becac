package dev.baton.app.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.baton.app.journey.VisitorTokenTest.hello;
import static dev.baton.app.journey.VisitorTokenTest.newVisitorId;
import static org.assertj.core.api.Assertions.assertThat;

/** With {@code baton.visitors.require-token} on, resuming a conversation needs the visitor's token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "baton.visitors.require-token=true")
class RequiredVisitorTokenTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void resumingWithoutTheTokenIsRefusedAndWithItWorks() {
        String visitorId = newVisitorId();
        JsonNode welcome = sockets.visitor(port).send(hello(visitorId, null, null)).await("welcome");
        String conversationId = welcome.get("conversationId").stringValue();

        ChatSocket tokenless = sockets.visitor(port).send(hello(visitorId, null, conversationId));
        assertThat(tokenless.await("error").get("code").stringValue()).isEqualTo("visitor_token_required");

        JsonNode resumed = sockets.visitor(port)
                .send(hello(visitorId, welcome.get("visitorToken").stringValue(), conversationId)).await("welcome");
        assertThat(resumed.get("resumed").booleanValue()).isTrue();
    }
}
