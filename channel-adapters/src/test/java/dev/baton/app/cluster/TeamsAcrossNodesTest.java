package dev.baton.app.cluster;

import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Teams over real sockets on two nodes sharing one Redis. Support (English, Italian; Carla) takes what no other team
 * does; billing (English; Maria and Dario, assigned by Baton) the payment intents, whose files say {@code team:
 * billing}; international (Lithuanian, Persian; Erik) those languages. Sam supervises every team.
 */
class TeamsAcrossNodesTest {

    private static final String PASSWORD = "team-secret-1";

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    private static BatonNodes.Node nodeA;
    private static BatonNodes.Node nodeB;
    private static BatonNodes.DirectStore redis;

    @BeforeAll
    static void startTwoNodesWithTeams() {
        nodeA = cluster.startOn(BatonNodes.redis(), teamsAndAgents());
        nodeB = cluster.startOn(BatonNodes.redis(), teamsAndAgents());
        redis = cluster.storeOn(BatonNodes.redis());
    }

    @AfterAll
    static void closeStore() {
        redis.close();
    }

    private static String[] teamsAndAgents() {
        List<String> properties = new ArrayList<>(List.of(
                "baton.teams[0].name=support", "baton.teams[0].languages=en,it", "baton.teams[0].members=carla",
                "baton.teams[1].name=billing", "baton.teams[1].languages=en", "baton.teams[1].assignment=auto",
                "baton.teams[2].name=international", "baton.teams[2].languages=lt,fa", "baton.teams[2].members=erik",
                "baton.routing.fallback-team=support"));
        String[][] users = {{"carla", "Carla", "2", "AGENT"}, {"maria", "Maria", "2", "AGENT"}, {"dario", "Dario", "1", "AGENT"},
                {"erik", "Erik", "2", "AGENT"}, {"sam", "Sam", "2", "AGENT,SUPERVISOR"}};
        for (int i = 0; i < users.length; i++) {
            properties.addAll(List.of("baton.agents.users[" + i + "].username=" + users[i][0], "baton.agents.users[" + i + "].name=" + users[i][1],
                    "baton.agents.users[" + i + "].password-hash={noop}" + PASSWORD, "baton.agents.users[" + i + "].capacity=" + users[i][2],
                    "baton.agents.users[" + i + "].roles=" + users[i][3]));
        }
        // Maria and Dario list their team themselves, Carla and Erik are listed by theirs.
        properties.addAll(List.of("baton.agents.users[1].teams=billing", "baton.agents.users[2].teams=billing"));
        return properties.toArray(String[]::new);
    }

    @Test
    void handoffsGoToTheTeamOfTheirIntentOrLanguageAndAgentsSeeAndTakeOnlyTheirTeamsConversations() {
        ChatSocket sam = givenAnAgent(nodeA, "sam");
        ChatSocket carla = givenAnAgent(nodeA, "carla");
        ChatSocket erik = givenAnAgent(nodeB, "erik");

        String charged = givenAVisitorWaiting(nodeB, "en", "I was charged twice").conversationId();
        String persian = givenAVisitorWaiting(nodeA, "fa", "می‌خواهم با یک اپراتور صحبت کنم").conversationId();
        ChatSocket english = givenAVisitorWaiting(nodeB, "en", "I want to talk to a person");
        String helpWanted = english.conversationId();

        assertThat(sam.awaitQueued(charged).get("team").stringValue()).as("by its intent").isEqualTo("billing");
        assertThat(sam.awaitQueued(persian).get("team").stringValue()).as("by its language").isEqualTo("international");
        assertThat(sam.awaitQueued(helpWanted).get("team").stringValue()).isEqualTo("support");
        assertThat(carla.awaitQueued(helpWanted).get("position").asInt()).isEqualTo(1);
        assertThat(erik.awaitQueued(persian).get("position").asInt()).isEqualTo(1);
        assertThat(carla.queuedConversationIds()).as("Carla's queue is support's").doesNotContain(charged, persian);
        assertThat(erik.queuedConversationIds()).as("Erik's queue is international's").doesNotContain(charged, helpWanted);

        carla.send(Map.of("type", "accept", "conversationId", charged));
        assertThat(carla.await("error", f -> charged.equals(f.get("conversationId").stringValue())).get("code").stringValue())
                .isEqualTo("other_team");
        assertThat(redis.store().find(charged).block().state()).isEqualTo(ConversationState.WAITING_FOR_AGENT);

        carla.send(Map.of("type", "accept", "conversationId", helpWanted));
        carla.await("conversation", f -> f.get("conversationId").stringValue().equals(helpWanted));
        carla.send(Map.of("type", "transfer", "conversationId", helpWanted, "team", "international", "note", "Writes Lithuanian to her bank"));

        assertThat(english.awaitMessage("system", m -> m.get("text").stringValue().contains("international")).get("text").stringValue())
                .isEqualTo("You're being passed to our international team, at the front of their queue: they will see everything so far.");
        JsonNode transferred = erik.awaitQueued(helpWanted);
        assertThat(transferred.get("team").stringValue()).isEqualTo("international");
        assertThat(transferred.get("position").asInt()).as("ahead of the Persian visitor, who waited less").isEqualTo(1);
        erik.send(Map.of("type", "accept", "conversationId", helpWanted));
        JsonNode taken = erik.await("conversation", f -> f.get("conversationId").stringValue().equals(helpWanted));
        assertThat(taken.get("team").stringValue()).isEqualTo("international");
        assertThat(taken.get("transcript").findValuesAsString("text")).contains("Transferred to the team international: Writes Lithuanian to her bank");
        assertThat(english.frames().toString()).as("the note never reaches the visitor").doesNotContain("her bank");

        // A supervisor takes any team's conversation; this one would otherwise wait for billing's agents in the next test.
        sam.send(Map.of("type", "accept", "conversationId", charged));
        sam.await("conversation", f -> f.get("conversationId").stringValue().equals(charged));
        sam.send(Map.of("type", "resolve", "conversationId", charged));
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.store().find(charged).block().state() == ConversationState.RESOLVED);
    }

    @Test
    void billingsConversationsGoToTheLeastLoadedMemberAndNeverBeyondCapacityWithBothNodesAssigning() {
        ChatSocket maria = givenAnAgent(nodeA, "maria");
        ChatSocket dario = givenAnAgent(nodeB, "dario");
        assertThat(maria.await("welcome").get("teams").findParents("name")).extracting(t -> t.get("name").stringValue() + ":" + t.get("member").asBoolean())
                .containsExactly("support:false", "billing:true", "international:false");

        ChatSocket first = givenAVisitorHandingOff(nodeA, "I was charged twice");
        String firstId = first.conversationId();
        assertThat(maria.await("assignment").get("conversationId").stringValue()).as("both free: the first in the roster").isEqualTo(firstId);
        assertThat(maria.await("conversation", f -> f.get("conversationId").stringValue().equals(firstId)).get("state").stringValue())
                .isEqualTo("WITH_AGENT");
        first.awaitMessage("system", m -> m.get("text").stringValue().equals("Maria joined the conversation."));

        String secondId = givenAVisitorHandingOff(nodeB, "double charge on my card").conversationId();
        assertThat(dario.await("assignment").get("conversationId").stringValue()).as("the one with fewer").isEqualTo(secondId);

        List<String> rush = new ArrayList<>();
        List<ChatSocket> rushing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ChatSocket visitor = visitorSaying(i % 2 == 0 ? nodeA : nodeB, "en", "I was charged twice");
            rushing.add(visitor);
        }
        rushing.forEach(visitor -> rush.add(visitor.conversationId()));
        await().atMost(Duration.ofSeconds(20)).until(() -> states(rush).stream().allMatch(c -> c.state() != ConversationState.BOT));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(rush, ConversationState.WITH_AGENT) == 1);

        assertThat(redis.store().countWithAgent("maria").block()).isEqualTo(2);
        assertThat(redis.store().countWithAgent("dario").block()).isEqualTo(1);
        assertThat(count(rush, ConversationState.WAITING_FOR_AGENT)).isEqualTo(5);
        assertThat(states(rush)).filteredOn(c -> c.state() == ConversationState.WITH_AGENT)
                .allSatisfy(c -> assertThat(c.agent().orElseThrow().username()).isEqualTo("maria"));

        dario.send(Map.of("type", "resolve", "conversationId", secondId));
        JsonNode next = dario.await("assignment");
        assertThat(rush).contains(next.get("conversationId").stringValue());
        assertThat(redis.store().countWithAgent("dario").block()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(rush, ConversationState.WAITING_FOR_AGENT) == 4);
    }

    private ChatSocket givenAnAgent(BatonNodes.Node node, String username) {
        ChatSocket agent = sockets.agent(node.port(), username, PASSWORD);
        agent.await("agent_status");
        return agent;
    }

    private ChatSocket givenAVisitorWaiting(BatonNodes.Node node, String language, String text) {
        ChatSocket visitor = visitorSaying(node, language, text);
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        return visitor;
    }

    /** A billing visitor, who may be taken by an agent before they could be seen waiting. */
    private ChatSocket givenAVisitorHandingOff(BatonNodes.Node node, String text) {
        ChatSocket visitor = visitorSaying(node, "en", text);
        visitor.await("state", f -> !f.get("state").stringValue().equals("BOT"));
        return visitor;
    }

    private ChatSocket visitorSaying(BatonNodes.Node node, String language, String text) {
        ChatSocket visitor = sockets.visitor(node.port());
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", language));
        visitor.await("welcome");
        visitor.send(Map.of("type", "message", "text", text, "clientMessageId", UUID.randomUUID().toString()));
        return visitor;
    }

    private static List<Conversation> states(List<String> ids) {
        ConversationStore store = redis.store();
        return ids.stream().map(id -> store.find(id).block()).toList();
    }

    private static long count(List<String> ids, ConversationState state) {
        return states(ids).stream().filter(c -> c.state() == state).count();
    }
}
