package dev.baton.app.journey;

import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole product over real WebSockets: a visitor asks, the bot answers or hands off, an agent takes over,
 * hands back, and the bot answers again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VisitorToAgentJourneyTest {

    private static final IntentDatabase FAQ = IntentDatabaseLoader.load(Path.of("../intents"));

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void answersEnglishAndItalianFaqQuestionsInTheVisitorsLanguage() {
        ChatSocket visitor = givenAVisitor("en");

        visitor.send(message("How much does shipping cost?"));
        assertThat(visitor.awaitMessage("bot").get("text").stringValue()).isIn(answers("shipping_costs", "en"));

        visitor.send(message("Come posso restituire un articolo che non mi va bene?"));
        assertThat(visitor.awaitMessage("bot").get("text").stringValue()).isIn(answers("returns", "it"));
    }

    @Test
    void answersLithuanianAndPersianAndFallsBackToTheDefaultLanguageForOthers() {
        ChatSocket lithuanian = givenAVisitor("lt");
        ChatSocket persian = givenAVisitor("fa");
        ChatSocket german = givenAVisitor("de");

        lithuanian.send(message("Kiek kainuoja pristatymas?"));
        persian.send(message("سفارش من کجاست؟"));
        german.send(message("Ich möchte mit einem Menschen sprechen, bitte verbinden Sie mich mit einem Mitarbeiter"));

        assertThat(lithuanian.awaitMessage("bot").get("text").stringValue()).isIn(answers("shipping_costs", "lt"));
        assertThat(persian.awaitMessage("bot").get("text").stringValue()).isIn(answers("order_status", "fa"));
        german.awaitMessage("bot");
        german.send(message("Wie lange dauert die Lieferung nach Deutschland ungefähr?"));
        german.send(message("Können Sie mir bitte sagen, wann mein Paket ankommt?"));
        german.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        ChatSocket agent = givenAnAgent("bruno", "bruno-secret-1");
        JsonNode summary = queuedSummary(agent, conversationOf(german));
        assertThat(summary.get("language").stringValue()).isEqualTo("en");
        assertThat(summary.get("languageNote").stringValue()).contains("'de'");
    }

    @Test
    void handsOffAfterTwoMessagesTheBotDoesNotUnderstand() {
        ChatSocket agent = givenAnAgent("alice", "alice-secret-1");
        ChatSocket visitor = givenAVisitor("en");

        visitor.send(message("my parrot recites latin poetry"));
        JsonNode sorry = visitor.awaitMessage("bot");
        assertThat(sorry.get("quickReplies").findValuesAsString("payload")).as("a person is always on offer").contains("handoff");
        visitor.send(message("what is the airspeed velocity of an unladen swallow"));

        JsonNode waiting = visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        assertThat(waiting.get("queue").get("position").asInt()).isEqualTo(1);
        assertThat(waiting.get("queue").get("agentsOnline").asInt()).isEqualTo(1);
        JsonNode summary = queuedSummary(agent, conversationOf(visitor));
        assertThat(summary.get("reason").stringValue()).isEqualTo("REPEATED_FAILURE");
        assertThat(summary.get("reasonText").stringValue()).contains("two messages in a row");
        assertThat(summary.get("intents").findValuesAsString("intent")).as("out of scope is no topic").doesNotContain("oos");
        assertThat(summary.get("customerWants").stringValue()).startsWith("“");
    }

    @Test
    void handsOffAtOnceWhenAskedForAPersonInEnglishOrItalian() {
        ChatSocket english = givenAVisitor("en");
        ChatSocket italian = givenAVisitor("it");

        english.send(message("I want to talk to a person"));
        italian.send(message("voglio parlare con un operatore"));

        english.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        italian.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        // Nobody is online in this test: the visitor is told so, in Italian, and offered to leave a message.
        assertThat(italian.awaitMessage("bot").get("text").stringValue()).contains("nessuno online", "lasciare un messaggio");
    }

    @Test
    void aVisitorLeavesAMessageWhenNobodyIsOnlineAndAgentsFindItLater() {
        ChatSocket visitor = givenAVisitor("en");
        visitor.send(message("I want to talk to a person"));
        JsonNode waiting = visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        assertThat(waiting.get("queue").get("agentsOnline").asInt()).isZero();
        assertThat(waiting.get("queue").get("estimatedWaitSeconds").isNull()).as("no estimate when nobody can come").isTrue();

        visitor.send(Map.of("type", "leave_message", "text", "Please call me about order 77123", "contact", "+39 333 1234567"));

        visitor.await("state", f -> f.get("state").stringValue().equals("BOT"));
        assertThat(visitor.awaitMessage("bot", m -> m.get("text").stringValue().startsWith("Thank you, your message")))
                .isNotNull();
        ChatSocket agent = givenAnAgent("alice", "alice-secret-1");
        agent.send(Map.of("type", "left_messages"));
        JsonNode left = agent.await("left_messages", f -> f.get("messages").findValuesAsString("conversationId").contains(conversationOf(visitor)));
        assertThat(left.toString()).contains("Please call me about order 77123", "+39 333 1234567");
    }

    @Test
    void anAgentTakesOverWithSummaryAndTranscriptThenHandsBackToTheBot() {
        ChatSocket agent = givenAnAgent("alice", "alice-secret-1");
        ChatSocket visitor = givenAVisitor("en");
        String conversationId = conversationOf(visitor);

        visitor.send(message("Hi, my order 48213 still hasn't arrived, you can reach me at mario@example.com"));
        visitor.awaitMessage("bot");
        visitor.send(message("I want to talk to a person"));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        assertThat(visitor.awaitMessage("bot").get("text").stringValue()).startsWith("I'm passing you to a person");

        queuedSummary(agent, conversationId);
        agent.send(Map.of("type", "accept", "conversationId", conversationId));
        JsonNode opened = agent.await("conversation");
        JsonNode summary = opened.get("summary");
        assertThat(summary.get("reason").stringValue()).isEqualTo("VISITOR_ASKED");
        assertThat(summary.get("language").stringValue()).isEqualTo("en");
        assertThat(summary.get("customerWants").stringValue()).contains("48213").doesNotContain("mario@example.com");
        assertThat(summary.get("details").toString()).contains("48213", "m***@example.com");
        assertThat(summary.get("intents").get(0).get("intent").stringValue()).isEqualTo("order_status");
        assertThat(texts(opened.get("transcript"))).startsWith(
                "Hi, my order 48213 still hasn't arrived, you can reach me at mario@example.com");
        assertThat(texts(opened.get("transcript"))).contains("I want to talk to a person");

        JsonNode withAgent = visitor.await("state", f -> f.get("state").stringValue().equals("WITH_AGENT"));
        assertThat(withAgent.get("agentName").stringValue()).isEqualTo("Alice");
        agent.send(Map.of("type", "message", "conversationId", conversationId, "text", "Hi, I'm Alice. Let me check order 48213."));
        assertThat(visitor.awaitMessage("agent").get("agentName").stringValue()).isEqualTo("Alice");
        visitor.send(message("Thank you!"));
        assertThat(agent.await("message", f -> f.get("message").get("from").stringValue().equals("visitor"))
                .get("message").get("text").stringValue()).isEqualTo("Thank you!");

        agent.send(Map.of("type", "hand_back", "conversationId", conversationId));
        visitor.await("state", f -> f.get("state").stringValue().equals("BOT"));
        visitor.awaitMessage("bot", m -> m.get("text").stringValue().startsWith("You're back with the bot"));
        visitor.send(message("What payment methods do you accept?"));
        assertThat(visitor.awaitMessage("bot").get("text").stringValue()).isIn(answers("payment_methods", "en"));
    }

    @Test
    void anAgentWhoResolvesAConversationHearsBackButCannotResolveOneStillWithTheBot() {
        ChatSocket agent = givenAnAgent("bruno", "bruno-secret-1");
        ChatSocket waiting = givenAVisitor("en");
        String waitingId = conversationOf(waiting);
        ChatSocket withTheBot = givenAVisitor("en");
        String withTheBotId = conversationOf(withTheBot);
        waiting.send(message("I want to talk to a person"));
        queuedSummary(agent, waitingId);

        agent.send(Map.of("type", "resolve", "conversationId", withTheBotId));
        JsonNode refused = agent.await("error", f -> f.get("conversationId").stringValue().equals(withTheBotId));
        assertThat(refused.get("code").stringValue()).isEqualTo("not_allowed");

        agent.send(Map.of("type", "resolve", "conversationId", waitingId));
        agent.await("state", f -> f.get("conversationId").stringValue().equals(waitingId)
                && f.get("state").stringValue().equals("RESOLVED"));
        waiting.await("state", f -> f.get("state").stringValue().equals("RESOLVED"));
        withTheBot.send(message("What payment methods do you accept?"));
        assertThat(withTheBot.awaitMessage("bot").get("text").stringValue()).isIn(answers("payment_methods", "en"));
    }

    private ChatSocket givenAVisitor(String language) {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", language));
        visitor.await("welcome");
        return visitor;
    }

    private ChatSocket givenAnAgent(String username, String password) {
        ChatSocket agent = sockets.agent(port, username, password);
        agent.await("welcome");
        return agent;
    }

    /** The summary of {@code conversationId} in the agent's live queue (other tests' visitors may wait too). */
    private static JsonNode queuedSummary(ChatSocket agent, String conversationId) {
        return agent.awaitQueued(conversationId).get("summary");
    }

    private static String conversationOf(ChatSocket visitor) {
        return visitor.frames().stream().filter(f -> f.get("type").stringValue().equals("welcome"))
                .reduce((first, last) -> last).orElseThrow().get("conversationId").stringValue();
    }

    private static Map<String, Object> message(String text) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message");
        frame.put("text", text);
        frame.put("clientMessageId", UUID.randomUUID().toString());
        return frame;
    }

    private static List<String> answers(String intent, String language) {
        return FAQ.find(intent).orElseThrow().answersIn(language);
    }

    private static List<String> texts(JsonNode transcript) {
        List<String> texts = new ArrayList<>();
        transcript.forEach(m -> texts.add(m.get("text").stringValue()));
        return texts;
    }
}
