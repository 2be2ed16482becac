package dev.baton.app.journey;

import dev.baton.handoff.Presence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor who comes back: after the agent resolved the conversation they still read how it ended, and
 * start the next one when they choose; the agent who takes the next one sees the earlier ones and can read
 * them. And what the visitor is told about people being there at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComingBackJourneyTest {

    private static final String LAST_WORDS = "Done: you will get an email today.";

    @LocalServerPort
    int port;

    @Autowired
    Presence presence;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void aVisitorWhoReloadsAfterTheAgentResolvedReadsTheConversationButCannotWriteInIt() {
        String visitorId = newVisitorId();
        String resolvedId = givenAConversationTheAgentResolved(visitorId, "My parcel 48213 is lost");

        ChatSocket reloaded = opensTheWidget(visitorId, resolvedId, 0);
        JsonNode welcome = reloaded.await("welcome");
        assertThat(welcome.get("conversationId").stringValue()).isEqualTo(resolvedId);
        assertThat(welcome.get("state").stringValue()).isEqualTo("RESOLVED");
        assertThat(welcome.get("resumed").booleanValue()).isTrue();
        assertThat(texts(welcome.get("messages"))).contains("My parcel 48213 is lost", LAST_WORDS);

        reloaded.send(message("Thanks, one more thing"));
        assertThat(reloaded.await("error").get("code").stringValue()).isEqualTo("not_allowed");
        reloaded.send(Map.of("type", "leave_message", "text", "Call me back, please"));
        assertThat(reloaded.await("error").get("code").stringValue()).isEqualTo("not_allowed");
        assertThat(reloaded.frames()).noneMatch(f -> f.get("type").stringValue().equals("message"));

        reloaded.send(Map.of("type", "new_conversation"));
        JsonNode fresh = reloaded.await("welcome", f -> !f.get("conversationId").stringValue().equals(resolvedId));
        assertThat(fresh.get("state").stringValue()).isEqualTo("BOT");
        assertThat(fresh.get("resumed").booleanValue()).isFalse();
        assertThat(fresh.get("messages")).isEmpty();
    }

    @Test
    void aResolvedConversationResumesWithOnlyTheMessagesAfterLastSeenId() {
        String visitorId = newVisitorId();
        String resolvedId = givenAConversationTheAgentResolved(visitorId, "Where is order 55120?");
        ChatSocket first = opensTheWidget(visitorId, resolvedId, 0);
        JsonNode all = first.await("welcome").get("messages");
        long lastButOne = all.get(all.size() - 2).get("id").asLong();

        ChatSocket again = opensTheWidget(visitorId, resolvedId, lastButOne);
        JsonNode welcome = again.await("welcome");

        assertThat(welcome.get("state").stringValue()).isEqualTo("RESOLVED");
        assertThat(welcome.get("messages")).hasSize(1);
        assertThat(welcome.get("messages").get(0).get("id").asLong()).isEqualTo(lastButOne + 1);
    }

    @Test
    void someoneElsesResolvedConversationOrAnUnknownOneStartsANewConversation() {
        String resolvedId = givenAConversationTheAgentResolved(newVisitorId(), "Can I change my address?");

        ChatSocket stranger = opensTheWidget(newVisitorId(), resolvedId, 0);
        JsonNode welcome = stranger.await("welcome");
        assertThat(welcome.get("conversationId").stringValue()).isNotEqualTo(resolvedId);
        assertThat(welcome.get("state").stringValue()).isEqualTo("BOT");
        assertThat(welcome.get("resumed").booleanValue()).isFalse();
        assertThat(welcome.get("messages")).isEmpty();

        ChatSocket lost = opensTheWidget(newVisitorId(), "c-no-such-conversation", 0);
        assertThat(lost.await("welcome").get("resumed").booleanValue()).isFalse();
    }

    @Test
    void theAgentSeesEachPreviousConversationAndOpensItsTranscript() {
        String visitorId = newVisitorId();
        Instant before = Instant.now().minusSeconds(1);
        String firstId = givenAConversationTheAgentResolved(visitorId, "My parcel 48213 is lost");
        ChatSocket visitor = opensTheWidget(visitorId, firstId, 0);
        visitor.await("welcome");
        visitor.send(Map.of("type", "new_conversation"));
        String secondId = visitor.await("welcome", f -> !f.get("conversationId").stringValue().equals(firstId))
                .get("conversationId").stringValue();
        visitor.send(message("I want to talk to a person"));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));

        ChatSocket agent = givenAnAgent("bruno", "bruno-secret-1");
        agent.send(Map.of("type", "open", "conversationId", secondId));
        JsonNode current = agent.await("conversation", f -> f.get("conversationId").stringValue().equals(secondId));

        JsonNode history = current.get("history");
        assertThat(history).hasSize(1);
        JsonNode earlier = history.get(0);
        assertThat(earlier.get("conversationId").stringValue()).isEqualTo(firstId);
        assertThat(earlier.get("state").stringValue()).isEqualTo("RESOLVED");
        assertThat(earlier.get("firstMessage").stringValue()).isEqualTo("My parcel 48213 is lost");
        assertThat(Instant.parse(earlier.get("startedAt").stringValue())).isBetween(before, Instant.now());
        assertThat(current.get("summary").get("previousConversations").asInt()).isEqualTo(history.size());

        agent.send(Map.of("type", "open", "conversationId", firstId));
        JsonNode opened = agent.await("conversation", f -> f.get("conversationId").stringValue().equals(firstId));
        assertThat(opened.get("state").stringValue()).isEqualTo("RESOLVED");
        assertThat(texts(opened.get("transcript"))).contains("My parcel 48213 is lost", LAST_WORDS);
        assertThat(opened.get("history")).as("nothing came before the first conversation").isEmpty();
    }

    @Test
    void theVisitorIsToldWhetherAnyoneIsOnlineAndGetsNoWaitEstimateWhenNobodyIs() {
        NobodyOnline.await(presence);
        ChatSocket visitor = opensTheWidget(newVisitorId(), null, 0);
        assertThat(visitor.await("welcome").get("agentsOnline").asInt()).isZero();

        visitor.send(message("I want to talk to a person"));
        JsonNode waiting = visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        assertThat(waiting.get("agentsOnline").asInt()).isZero();
        assertThat(waiting.get("queue").get("agentsOnline").asInt()).isZero();
        assertThat(waiting.get("queue").get("estimatedWaitSeconds").isNull()).isTrue();

        givenAnAgent("bruno", "bruno-secret-1");
        ChatSocket later = opensTheWidget(newVisitorId(), null, 0);
        assertThat(later.await("welcome").get("agentsOnline").asInt()).isPositive();
    }

    /** A visitor hands off, the agent answers and resolves; returns the conversation's id. */
    private String givenAConversationTheAgentResolved(String visitorId, String firstMessage) {
        ChatSocket visitor = opensTheWidget(visitorId, null, 0);
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();
        visitor.send(message(firstMessage));
        visitor.awaitMessage("visitor");
        visitor.send(message("I want to talk to a person"));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));

        ChatSocket agent = givenAnAgent("alice", "alice-secret-1");
        agent.send(Map.of("type", "accept", "conversationId", conversationId));
        agent.await("conversation", f -> f.get("conversationId").stringValue().equals(conversationId));
        agent.send(Map.of("type", "message", "conversationId", conversationId, "text", LAST_WORDS));
        visitor.awaitMessage("agent", m -> m.get("text").stringValue().equals(LAST_WORDS));
        agent.send(Map.of("type", "resolve", "conversationId", conversationId));
        visitor.await("state", f -> f.get("state").stringValue().equals("RESOLVED"));
        visitor.close();
        agent.close();
        return conversationId;
    }

    /** A visitor (re)loads a page with the widget: a new socket says hello. */
    private ChatSocket opensTheWidget(String visitorId, String conversationId, long lastSeenId) {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(hello(visitorId, conversationId, lastSeenId));
        return visitor;
    }

    private ChatSocket givenAnAgent(String username, String password) {
        ChatSocket agent = sockets.agent(port, username, password);
        agent.await("welcome");
        return agent;
    }

    private static String newVisitorId() {
        return "v-" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, Object> hello(String visitorId, String conversationId, long lastSeenId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "hello");
        frame.put("visitorId", visitorId);
        frame.put("language", "en");
        if (conversationId != null) {
            frame.put("conversationId", conversationId);
        }
        frame.put("lastSeenId", lastSeenId);
        return frame;
    }

    private static Map<String, Object> message(String text) {
        return Map.of("type", "message", "text", text, "clientMessageId", UUID.randomUUID().toString());
    }

    private static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(m -> texts.add(m.get("text").stringValue()));
        return texts;
    }
}
