package dev.baton.app.cluster;

import dev.baton.app.journey.Agents;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two Baton nodes on one Redis: any node serves any visitor or agent, and nothing is lost. */
class TwoNodesOnOneRedisTest {

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    private static BatonNodes.Node nodeA;
    private static BatonNodes.Node nodeB;

    @BeforeAll
    static void startTwoNodes() {
        nodeA = cluster.start();
        nodeB = cluster.start();
    }

    @Test
    void aVisitorOnOneNodeSeesAnAgentComeAndGoOnTheOther() {
        ChatSocket visitor = visitorOn(nodeA, newVisitorId());
        if (visitor.await("welcome").get("agentsOnline").asInt() != 0) {
            // An agent of an earlier test in this class may still be signing off.
            visitor.await("state", f -> f.get("agentsOnline").asInt() == 0);
        }

        ChatSocket agent = sockets.agent(nodeB.port(), "alice", "alice-secret-1");
        agent.await("welcome");
        JsonNode someoneThere = visitor.await("state", f -> f.get("agentsOnline").asInt() == 1);
        assertThat(someoneThere.get("state").stringValue()).as("still with the bot").isEqualTo("BOT");

        agent.close();
        visitor.await("state", f -> f.get("agentsOnline").asInt() == 0);
    }

    @Test
    void anAgentWhoseConsoleClosesWhileItIsStillStartingIsSeenToLeaveOnEveryNode() {
        // Closed the moment the welcome arrives, while the console is still being counted in and sent its queue:
        // one in a few such agents stayed online for ever when counting out waited for the console's reading.
        for (int i = 0; i < 20; i++) {
            ChatSocket agent = sockets.agent(nodeB.port(), "bruno", "bruno-secret-1");
            agent.await("welcome");
            agent.close();
        }

        ChatSocket visitor = visitorOn(nodeA, newVisitorId());
        if (visitor.await("welcome").get("agentsOnline").asInt() != 0) {
            visitor.await("state", f -> f.get("agentsOnline").asInt() == 0);
        }
    }

    @Test
    void aVisitorOnOneNodeAndAnAgentOnTheOtherTalkAsIfOnOne() {
        ChatSocket agent = sockets.agent(nodeB.port(), "alice", "alice-secret-1");
        agent.await("welcome");
        ChatSocket visitor = visitorOn(nodeA, newVisitorId());
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();

        visitor.send(message("How much does shipping cost?"));
        visitor.awaitMessage("bot");
        visitor.send(message("I want to talk to a person"));
        JsonNode waiting = visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        assertThat(waiting.get("queue").get("agentsOnline").asInt()).as("the agent on the other node counts").isEqualTo(1);

        agent.awaitQueued(conversationId);
        agent.send(Map.of("type", "accept", "conversationId", conversationId));
        JsonNode opened = agent.await("conversation");
        assertThat(opened.get("summary").get("reason").stringValue()).isEqualTo("VISITOR_ASKED");
        assertThat(opened.get("transcript").findValuesAsString("text")).contains("How much does shipping cost?");
        assertThat(visitor.await("state", f -> f.get("state").stringValue().equals("WITH_AGENT")).get("agentName").stringValue())
                .isEqualTo("Alice");

        agent.send(Map.of("type", "typing", "conversationId", conversationId));
        visitor.await("typing");
        agent.send(Map.of("type", "message", "conversationId", conversationId, "text", "Hello from node B"));
        assertThat(visitor.awaitMessage("agent").get("text").stringValue()).isEqualTo("Hello from node B");
        visitor.send(message("Hello from node A"));
        agent.await("message", f -> f.get("message").get("text").stringValue().equals("Hello from node A"));

        agent.send(Map.of("type", "hand_back", "conversationId", conversationId));
        visitor.await("state", f -> f.get("state").stringValue().equals("BOT"));
        visitor.send(message("Which payment methods do you accept?"));
        visitor.awaitMessage("bot", m -> m.get("text").stringValue().contains("PayPal"));
    }

    @Test
    void aNoteWrittenOnOneNodeReachesTheConsoleOnTheOtherAndNeverTheVisitorOnEither() {
        ChatSocket alice = sockets.agent(nodeA.port(), "alice", "alice-secret-1");
        ChatSocket bruno = sockets.agent(nodeB.port(), "bruno", "bruno-secret-1");
        alice.await("welcome");
        bruno.await("welcome");
        String visitorId = newVisitorId();
        ChatSocket visitor = visitorOn(nodeB, visitorId);
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();
        visitor.send(message("I want to talk to a person"));
        alice.awaitQueued(conversationId);
        alice.send(Map.of("type", "accept", "conversationId", conversationId));
        alice.await("conversation");
        bruno.send(Map.of("type", "open", "conversationId", conversationId));
        bruno.await("conversation");

        alice.send(Map.of("type", "note", "conversationId", conversationId, "text", "Redis note: call back tomorrow"));
        long noted = bruno.awaitMessage("note").get("id").asLong();
        alice.send(Map.of("type", "message", "conversationId", conversationId, "text", "After the note"));
        assertThat(visitor.awaitMessage("agent").get("id").asLong()).isGreaterThan(noted);
        ChatSocket resumed = sockets.visitor(nodeA.port());
        resumed.send(Map.of("type", "hello", "visitorId", visitorId, "conversationId", conversationId));

        assertThat(resumed.await("welcome").get("messages").findValuesAsString("text")).contains("After the note")
                .doesNotContain("Redis note: call back tomorrow");
        assertThat(visitor.frames()).noneMatch(f -> f.toString().contains("Redis note"));
    }

    @Test
    void twoAgentsOnTwoNodesAcceptingAtOnceGetItExactlyOnce() throws InterruptedException {
        ChatSocket alice = sockets.agent(nodeA.port(), "alice", "alice-secret-1");
        ChatSocket bruno = sockets.agent(nodeB.port(), "bruno", "bruno-secret-1");
        alice.await("welcome");
        bruno.await("welcome");
        ChatSocket visitor = visitorOn(nodeA, newVisitorId());
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();
        visitor.send(message("voglio parlare con un operatore"));
        alice.awaitQueued(conversationId);
        bruno.awaitQueued(conversationId);

        CountDownLatch go = new CountDownLatch(1);
        List<Thread> racers = new ArrayList<>();
        for (ChatSocket agent : List.of(alice, bruno)) {
            Thread racer = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                agent.send(Map.of("type", "accept", "conversationId", conversationId));
            });
            racer.start();
            racers.add(racer);
        }
        go.countDown();
        for (Thread racer : racers) {
            racer.join();
        }

        JsonNode aliceAnswer = alice.await("*", f -> isOutcome(f, conversationId));
        JsonNode brunoAnswer = bruno.await("*", f -> isOutcome(f, conversationId));
        assertThat(List.of(aliceAnswer.get("type").stringValue(), brunoAnswer.get("type").stringValue()))
                .containsExactlyInAnyOrder("conversation", "error");
        JsonNode refusal = aliceAnswer.get("type").stringValue().equals("error") ? aliceAnswer : brunoAnswer;
        assertThat(refusal.get("code").stringValue()).isEqualTo("already_taken");
    }

    @Test
    void aVisitorReconnectingToTheOtherNodeGetsExactlyTheMessagesAfterTheLastItSaw() {
        String visitorId = newVisitorId();
        ChatSocket first = visitorOn(nodeA, visitorId);
        String conversationId = first.await("welcome").get("conversationId").stringValue();
        first.send(message("How long does delivery take?"));
        long lastSeen = first.awaitMessage("bot").get("id").asLong();
        first.send(message("Do you ship to Lithuania?"));
        first.awaitMessage("bot");
        first.close();

        ChatSocket again = sockets.visitor(nodeB.port());
        again.send(Map.of("type", "hello", "visitorId", visitorId, "conversationId", conversationId, "lastSeenId", lastSeen));
        JsonNode welcome = again.await("welcome");

        assertThat(welcome.get("resumed").asBoolean()).isTrue();
        assertThat(welcome.get("messages").findValuesAsString("from")).containsExactly("visitor", "bot");
        assertThat(welcome.get("messages").get(0).get("id").asLong()).isEqualTo(lastSeen + 1);
        assertThat(welcome.get("messages").get(0).get("text").stringValue()).isEqualTo("Do you ship to Lithuania?");
    }

    @Test
    void aRetriedSendIsStoredOnceWhicheverNodeItReaches() {
        String visitorId = newVisitorId();
        ChatSocket onA = visitorOn(nodeA, visitorId);
        String conversationId = onA.await("welcome").get("conversationId").stringValue();
        Map<String, Object> send = Map.of("type", "message", "text", "What are your opening hours?", "clientMessageId", "retry-me-1");
        onA.send(send);
        onA.awaitMessage("bot");

        ChatSocket onB = sockets.visitor(nodeB.port());
        onB.send(Map.of("type", "hello", "visitorId", visitorId, "conversationId", conversationId));
        onB.await("welcome");
        onB.send(send);
        onB.send(message("Thanks!"));
        onB.awaitMessage("bot");

        ChatSocket check = sockets.visitor(nodeA.port());
        check.send(Map.of("type", "hello", "visitorId", visitorId, "conversationId", conversationId));
        assertThat(check.await("welcome").get("messages").findValuesAsString("text"))
                .filteredOn("What are your opening hours?"::equals).hasSize(1);
    }

    @Test
    void aResolvedConversationIsReadOnTheOtherNodeAndListedInTheVisitorsHistoryThere() {
        String visitorId = newVisitorId();
        ChatSocket agent = sockets.agent(nodeB.port(), "bruno", "bruno-secret-1");
        agent.await("welcome");
        ChatSocket onA = visitorOn(nodeA, visitorId);
        String firstId = onA.await("welcome").get("conversationId").stringValue();
        onA.send(message("My parcel 48213 is lost"));
        onA.awaitMessage("visitor");
        onA.send(message("I want to talk to a person"));
        agent.awaitQueued(firstId);
        agent.send(Map.of("type", "accept", "conversationId", firstId));
        agent.await("conversation", f -> f.get("conversationId").stringValue().equals(firstId));
        agent.send(Map.of("type", "message", "conversationId", firstId, "text", "You will get an email today."));
        agent.send(Map.of("type", "resolve", "conversationId", firstId));
        onA.await("state", f -> f.get("state").stringValue().equals("RESOLVED"));
        onA.close();

        ChatSocket onB = sockets.visitor(nodeB.port());
        onB.send(Map.of("type", "hello", "visitorId", visitorId, "conversationId", firstId));
        JsonNode welcome = onB.await("welcome");
        assertThat(welcome.get("state").stringValue()).isEqualTo("RESOLVED");
        assertThat(welcome.get("messages").findValuesAsString("text")).contains("You will get an email today.");
        onB.send(message("One more thing"));
        assertThat(onB.await("error").get("code").stringValue()).isEqualTo("not_allowed");
        onB.send(Map.of("type", "new_conversation"));
        String secondId = onB.await("welcome", f -> !f.get("conversationId").stringValue().equals(firstId))
                .get("conversationId").stringValue();
        onB.send(message("I want to talk to a person"));
        onB.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));

        ChatSocket agentOnA = sockets.agent(nodeA.port(), "alice", "alice-secret-1");
        agentOnA.send(Map.of("type", "open", "conversationId", secondId));
        JsonNode history = agentOnA.await("conversation", f -> f.get("conversationId").stringValue().equals(secondId)).get("history");
        assertThat(history.findValuesAsString("conversationId")).containsExactly(firstId);
        assertThat(history.get(0).get("firstMessage").stringValue()).isEqualTo("My parcel 48213 is lost");
        assertThat(history.get(0).get("state").stringValue()).isEqualTo("RESOLVED");
    }

    @Test
    void anAgentWhoLogsOutOnOneNodeHasTheirConsoleOnTheOtherClosedAsSignedOut() {
        String session = Agents.login(nodeA.port(), "bruno", "bruno-secret-1");
        ChatSocket onB = sockets.withSession(nodeB.port(), "/ws/agent", session);
        onB.await("welcome");

        Agents.logout(nodeA.port(), session);

        assertThat(onB.awaitClose()).isEqualTo(4001);
    }

    @Test
    void anAgentWhoLoggedInOnOneNodeIsKnownOnTheOtherUntilLoggingOutOnEither() {
        String session = Agents.login(nodeA.port(), "bruno", "bruno-secret-1");

        ChatSocket onB = sockets.withSession(nodeB.port(), "/ws/agent", session);
        assertThat(onB.await("welcome").get("agent").get("username").stringValue()).isEqualTo("bruno");

        assertThat(Agents.logout(nodeA.port(), session)).endsWith("/login.html?logout");
        assertThat(Agents.handshakeStatus(nodeB.port(), "/ws/agent", session)).as("the session ended on every node").isEqualTo(401);
        assertThat(Agents.handshakeStatus(nodeA.port(), "/ws/agent", session)).isEqualTo(401);
    }

    @Test
    void aThumbsDownOnOneNodeIsCountedOnceAndReachesTheInboxOnTheOther() {
        String visitorId = newVisitorId();
        ChatSocket onA = visitorOn(nodeA, visitorId);
        String conversationId = onA.await("welcome").get("conversationId").stringValue();
        onA.send(message("What are your opening hours?"));
        JsonNode answer = onA.awaitMessage("bot");
        onA.send(Map.of("type", "feedback", "messageId", answer.get("id").asLong(), "helpful", false));
        onA.await("feedback");

        ChatSocket onB = sockets.visitor(nodeB.port());
        onB.send(Map.of("type", "hello", "visitorId", visitorId, "conversationId", conversationId, "language", "en"));
        onB.await("welcome");
        onB.send(Map.of("type", "feedback", "messageId", answer.get("id").asLong(), "helpful", true));
        assertThat(onB.await("error").get("code").stringValue()).as("rated once, whichever node is asked").isEqualTo("already_rated");

        WebTestClient trainerOnB = WebTestClient.bindToServer().baseUrl("http://localhost:" + nodeB.port()).build();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> trainerOnB.get().uri("/api/trainer/inbox?language=en")
                .headers(h -> h.setBasicAuth("alice", "alice-secret-1")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.groups[?(@.text == 'What are your opening hours?')].reasons.unhelpful").isEqualTo(1)
                .jsonPath("$.groups[?(@.text == 'What are your opening hours?')].conversationIds[0]").isEqualTo(conversationId));
        trainerOnB.get().uri("/api/trainer/helpfulness").headers(h -> h.setBasicAuth("alice", "alice-secret-1"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.intents[?(@.intent == 'opening_hours')].down").isEqualTo(1)
                .jsonPath("$.intents[?(@.intent == 'opening_hours')].up").isEqualTo(0);
    }

    private static boolean isOutcome(JsonNode frame, String conversationId) {
        String type = frame.get("type").stringValue();
        return (type.equals("conversation") || type.equals("error"))
                && frame.has("conversationId") && frame.get("conversationId").stringValue().equals(conversationId);
    }

    private ChatSocket visitorOn(BatonNodes.Node node, String visitorId) {
        ChatSocket visitor = sockets.visitor(node.port());
        visitor.send(Map.of("type", "hello", "visitorId", visitorId, "language", "en"));
        return visitor;
    }

    private static String newVisitorId() {
        return "v-" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, Object> message(String text) {
        return Map.of("type", "message", "text", text, "clientMessageId", UUID.randomUUID().toString());
    }
}
