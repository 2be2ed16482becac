package dev.baton.app.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console learns of a visitor and of how long they have waited: the details their browser told the widget
 * (kept without what an address's query may carry), their ratings of earlier conversations, and since when they have
 * waited for an answer from a person, with the thresholds the console colours it by.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.console.timers.amber=90s",
        "baton.console.timers.red=4m",
})
class CustomerPanelJourneyTest {

    private static final String PAGE = "https://shop.example/orders/48213?email=jo%40example.com#details";

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void theAgentSeesWhatTheVisitorsBrowserToldWithoutTheQueryOfItsAddresses() {
        ChatSocket visitor = sockets.visitor(port);
        Map<String, Object> hello = hello(newVisitorId());
        hello.put("page", PAGE);
        hello.put("referrer", "https://search.example/?q=lost+parcel");
        hello.put("userAgent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile/15E148 Safari/604.1");
        hello.put("timeZone", "Europe/Rome");
        visitor.send(hello);
        String conversationId = handsOff(visitor);

        ChatSocket agent = agent();
        agent.send(Map.of("type", "open", "conversationId", conversationId));
        JsonNode told = agent.await("conversation", f -> f.get("conversationId").stringValue().equals(conversationId)).get("visitor");

        assertThat(told.get("page").stringValue()).isEqualTo("https://shop.example/orders/48213");
        assertThat(told.get("referrer").stringValue()).isEqualTo("https://search.example/");
        assertThat(told.get("userAgent").stringValue()).contains("iPhone");
        assertThat(told.get("timeZone").stringValue()).isEqualTo("Europe/Rome");
    }

    @Test
    void aBrowserThatToldNothingLeavesTheVisitorUnknown() {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(hello(newVisitorId()));
        String conversationId = handsOff(visitor);

        ChatSocket agent = agent();
        agent.send(Map.of("type", "open", "conversationId", conversationId));

        assertThat(agent.await("conversation", f -> f.get("conversationId").stringValue().equals(conversationId))
                .get("visitor").isNull()).isTrue();
    }

    @Test
    void theAgentsConversationsSaySinceWhenTheVisitorHasWaitedForAnAnswer() {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(hello(newVisitorId()));
        String conversationId = handsOff(visitor);
        ChatSocket agent = agent();
        JsonNode timers = agent.await("welcome").get("timers");
        assertThat(timers.get("amberSeconds").asLong()).isEqualTo(90);
        assertThat(timers.get("redSeconds").asLong()).isEqualTo(240);

        agent.send(Map.of("type", "accept", "conversationId", conversationId));
        JsonNode accepted = assigned(agent, conversationId);
        assertThat(accepted.get("unansweredSince").stringValue())
                .as("waiting for a person since the handoff").isEqualTo(accepted.get("waitingSince").stringValue());

        agent.send(Map.of("type", "message", "conversationId", conversationId, "text", "Hi, I'm Alice."));
        visitor.awaitMessage("agent");
        assertThat(assigned(agent(), conversationId).get("unansweredSince").isNull()).isTrue();

        visitor.send(message("It is order 48213"));
        String saidAt = visitor.awaitMessage("visitor", m -> m.get("text").stringValue().equals("It is order 48213")).get("at").stringValue();
        assertThat(Instant.parse(assigned(agent(), conversationId).get("unansweredSince").stringValue())).isEqualTo(Instant.parse(saidAt));
    }

    @Test
    void theHistoryCarriesHowTheVisitorRatedEachEarlierConversation() {
        String visitorId = newVisitorId();
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(hello(visitorId));
        String firstId = handsOff(visitor);
        ChatSocket agent = agent();
        agent.send(Map.of("type", "accept", "conversationId", firstId));
        agent.await("conversation", f -> f.get("conversationId").stringValue().equals(firstId));
        agent.send(Map.of("type", "resolve", "conversationId", firstId));
        visitor.await("state", f -> f.get("state").stringValue().equals("RESOLVED"));
        visitor.send(Map.of("type", "rate_conversation", "score", 4, "comment", "Quick and kind"));
        visitor.await("conversation_rated");

        visitor.send(Map.of("type", "new_conversation"));
        String secondId = visitor.await("welcome", f -> !f.get("conversationId").stringValue().equals(firstId))
                .get("conversationId").stringValue();
        visitor.send(message("I want to talk to a person"));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT")
                && f.get("conversationId").stringValue().equals(secondId));
        agent.send(Map.of("type", "open", "conversationId", secondId));
        JsonNode earlier = agent.await("conversation", f -> f.get("conversationId").stringValue().equals(secondId))
                .get("history").get(0);

        assertThat(earlier.get("conversationId").stringValue()).isEqualTo(firstId);
        assertThat(earlier.get("rating").get("score").asInt()).isEqualTo(4);
        assertThat(earlier.get("rating").get("comment").stringValue()).isEqualTo("Quick and kind");
    }

    /** The visitor asks for a person; returns the conversation's id. */
    private static String handsOff(ChatSocket visitor) {
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();
        visitor.send(message("I want to talk to a person"));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        return conversationId;
    }

    /** A console of Alice's, newly connected: its first `assigned` frame says what the store knows now. */
    private ChatSocket agent() {
        return sockets.agent(port, "alice", "alice-secret-1");
    }

    private static JsonNode assigned(ChatSocket agent, String conversationId) {
        JsonNode frame = agent.await("assigned", f -> f.get("conversations").findValuesAsString("conversationId").contains(conversationId));
        for (JsonNode entry : frame.get("conversations")) {
            if (entry.get("conversationId").stringValue().equals(conversationId)) {
                return entry;
            }
        }
        throw new AssertionError("not assigned: " + conversationId);
    }

    private static String newVisitorId() {
        return "v-" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, Object> hello(String visitorId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "hello");
        frame.put("visitorId", visitorId);
        frame.put("language", "en");
        return frame;
    }

    private static Map<String, Object> message(String text) {
        return Map.of("type", "message", "text", text, "clientMessageId", UUID.randomUUID().toString());
    }
}
