package dev.baton.app.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor watches the team over {@code /ws/supervisor}: each agent's status, load and conversations, the queue
 * as the consoles see it; reassigns a conversation to a colleague and takes one over, and the visitor is told who
 * is taking over each time. Watching does not count as working: the supervisor stays offline for visitors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The demo users' password hashes: carla and sam sign in with alice-secret-1, maria with bruno-secret-1.
        "baton.agents.users[0].username=carla",
        "baton.agents.users[0].name=Carla",
        "baton.agents.users[0].password-hash={bcrypt}$2a$10$dLyidGt6RSc5dOC1.vSBbu/FukLf5jbaDFlbzSJEdqCIpJ35oLDym",
        "baton.agents.users[0].capacity=1",
        "baton.agents.users[1].username=maria",
        "baton.agents.users[1].name=Maria",
        "baton.agents.users[1].password-hash={bcrypt}$2a$10$Svr4NeSz695dH3BnbJezC.zgEbgm8ysrFya7iSvy.Ee6uw4yk/tai",
        "baton.agents.users[1].capacity=2",
        "baton.agents.users[2].username=sam",
        "baton.agents.users[2].name=Sam",
        "baton.agents.users[2].password-hash={bcrypt}$2a$10$dLyidGt6RSc5dOC1.vSBbu/FukLf5jbaDFlbzSJEdqCIpJ35oLDym",
        "baton.agents.users[2].roles=AGENT,SUPERVISOR",
        "baton.handoff.wait-amber=90s"})
class SupervisorJourneyTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void aSupervisorSeesTheTeamAndTheQueueLiveAndReassignsAndTakesOverAConversation() {
        ChatSocket carla = givenAnAgent("carla", "alice-secret-1");
        givenAnAgent("maria", "bruno-secret-1");
        ChatSocket sam = sockets.withSession(port, "/ws/supervisor", Agents.login(port, "sam", "alice-secret-1"));
        JsonNode welcome = sam.await("welcome");
        assertThat(welcome.get("supervisor").get("name").stringValue()).isEqualTo("Sam");
        assertThat(welcome.get("waitAmberMs").asLong()).isEqualTo(90_000);
        assertThat(welcome.get("waitRedMs").asLong()).isEqualTo(300_000);
        JsonNode team = awaitAgent(sam, "maria", a -> a.get("status").stringValue().equals("online")).get("teams").get(0);
        assertThat(team.get("name").stringValue()).isEqualTo("everyone");
        assertThat(team.get("agents").findValuesAsString("username")).containsExactly("carla", "maria", "sam");
        assertThat(agent(team, "sam").get("status").stringValue()).as("watching is not working").isEqualTo("offline");

        ChatSocket visitor = givenAVisitorWaiting();
        String id = conversationOf(visitor);
        assertThat(sam.awaitQueued(id).get("waitingSince").stringValue()).isNotBlank();
        carla.awaitQueued(id);
        carla.send(Map.of("type", "accept", "conversationId", id));
        JsonNode carlaBusy = agent(awaitAgent(sam, "carla", a -> a.get("conversations").findValuesAsString("conversationId")
                .contains(id)), "carla");
        assertThat(carlaBusy.get("open").asInt()).isEqualTo(1);
        assertThat(carlaBusy.get("capacity").asInt()).isEqualTo(1);
        sam.await("queue_update", f -> f.get("removed").toString().contains(id));

        sam.send(Map.of("type", "reassign", "conversationId", id, "to", "maria", "note", "Carla is on a call"));
        awaitAgent(sam, "maria", a -> a.get("conversations").findValuesAsString("conversationId").contains(id));
        visitor.awaitMessage("system", m -> m.get("text").stringValue().equals("Maria is taking over your conversation."));

        sam.send(Map.of("type", "take_over", "conversationId", id));
        awaitAgent(sam, "sam", a -> a.get("conversations").findValuesAsString("conversationId").contains(id));
        visitor.awaitMessage("system", m -> m.get("text").stringValue().equals("Sam is taking over your conversation."));
        visitor.await("state", f -> f.get("state").stringValue().equals("WITH_AGENT") && f.get("agentName").stringValue().equals("Sam"));
    }

    @Test
    void aReassignmentToAnAgentWhoCannotTakeItIsAnsweredWithTheTransfersErrors() {
        ChatSocket carla = givenAnAgent("carla", "alice-secret-1");
        ChatSocket sam = sockets.withSession(port, "/ws/supervisor", Agents.login(port, "sam", "alice-secret-1"));
        ChatSocket visitor = givenAVisitorWaiting();
        String id = conversationOf(visitor);
        carla.awaitQueued(id);
        carla.send(Map.of("type", "accept", "conversationId", id));
        awaitAgent(sam, "carla", a -> a.get("conversations").findValuesAsString("conversationId").contains(id));

        sam.send(Map.of("type", "reassign", "conversationId", id, "to", "maria"));
        assertThat(sam.await("error").get("code").stringValue()).isEqualTo("agent_offline");
        sam.send(Map.of("type", "reassign", "conversationId", id, "to", "nobody"));
        assertThat(sam.await("error").get("code").stringValue()).isEqualTo("unknown_agent");
        sam.send(Map.of("type", "reassign", "conversationId", id));
        assertThat(sam.await("error").get("code").stringValue()).isEqualTo("missing_field");
        sam.send(Map.of("type", "accept", "conversationId", id));
        assertThat(sam.await("error").get("code").stringValue()).isEqualTo("unknown_type");
        carla.send(Map.of("type", "resolve", "conversationId", id));
        visitor.await("state", f -> f.get("state").stringValue().equals("RESOLVED"));
    }

    @Test
    void anAgentWhoIsNotASupervisorCannotOpenTheSupervisorsView() {
        assertThat(Agents.handshakeStatus(port, "/ws/supervisor", Agents.login(port, "carla", "alice-secret-1"))).isEqualTo(403);
        assertThat(Agents.anonymousHandshakeStatus(port, "/ws/supervisor")).isEqualTo(401);
    }

    @Test
    void theSupervisorsViewClosesWhenTheySignOut() {
        String cookie = Agents.login(port, "sam", "alice-secret-1");
        ChatSocket sam = sockets.withSession(port, "/ws/supervisor", cookie);
        sam.await("supervision");

        Agents.logout(port, cookie);

        assertThat(sam.awaitClose()).isEqualTo(4001);
    }

    /** The next {@code supervision} frame in which the agent matches. */
    private static JsonNode awaitAgent(ChatSocket supervisor, String username, Predicate<JsonNode> matching) {
        return supervisor.await("supervision", f -> matching.test(agent(f.get("teams").get(0), username)));
    }

    private static JsonNode agent(JsonNode teamOrFrame, String username) {
        JsonNode team = teamOrFrame.has("teams") ? teamOrFrame.get("teams").get(0) : teamOrFrame;
        for (JsonNode agent : team.get("agents")) {
            if (agent.get("username").stringValue().equals(username)) {
                return agent;
            }
        }
        throw new AssertionError("no agent " + username + " in " + team);
    }

    private ChatSocket givenAnAgent(String username, String password) {
        ChatSocket agent = sockets.agent(port, username, password);
        agent.await("welcome");
        return agent;
    }

    private ChatSocket givenAVisitorWaiting() {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", "en"));
        visitor.await("welcome");
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message");
        frame.put("text", "I want to talk to a person");
        frame.put("clientMessageId", UUID.randomUUID().toString());
        visitor.send(frame);
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        return visitor;
    }

    private static String conversationOf(ChatSocket visitor) {
        return visitor.frames().stream().filter(f -> f.get("type").stringValue().equals("welcome"))
                .reduce((first, last) -> last).orElseThrow().get("conversationId").stringValue();
    }
}
