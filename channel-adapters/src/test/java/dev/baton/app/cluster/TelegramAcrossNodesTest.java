package dev.baton.app.cluster;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.app.channel.telegram.TelegramUpdates;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import dev.baton.engine.Stores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Telegram on two nodes sharing Redis, both with the channel on: updates posted to node A reach an agent on node B,
 * whose replies are sent to Telegram once although both nodes hear of them; an update redelivered to the other node is
 * handled once.
 */
class TelegramAcrossNodesTest {

    private static final String TOKEN = "654321:across-nodes";
    private static final String SECRET = "across-nodes-secret";
    private static final String SEND_MESSAGE = "/bot" + TOKEN + "/sendMessage";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final WireMockExtension telegram = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort()).resetOnEachTest(false).build();

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    private static BatonNodes.Node nodeA;
    private static BatonNodes.Node nodeB;

    @BeforeAll
    static void startTwoNodesWithTelegram() {
        telegram.stubFor(WireMock.post(WireMock.urlMatching("/bot.*")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        String[] channel = {"baton.channels.telegram.enabled=true", "baton.channels.telegram.bot-token=" + TOKEN,
                "baton.channels.telegram.webhook-secret=" + SECRET, "baton.channels.telegram.api-url=" + telegram.baseUrl()};
        nodeA = cluster.startOn(BatonNodes.redis(), channel);
        nodeB = cluster.startOn(BatonNodes.redis(), channel);
    }

    @Test
    void anUpdateOnOneNodeReachesAnAgentOnTheOtherWhoseRepliesAreSentOnce() {
        ChatSocket alice = sockets.agent(nodeB.port(), "alice", "alice-secret-1");
        alice.await("welcome");
        long chat = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);

        webhook(nodeA, TelegramUpdates.message(chat, "I want to talk to a person"));
        String conversationId = await().atMost(PATIENCE).until(() -> nodeA.context().getBean(Stores.class).conversations()
                .ofVisitor("telegram:" + chat).collectList().block(), list -> !list.isEmpty()).get(0).id();
        assertThat(alice.awaitQueued(conversationId).get("channel").stringValue()).isEqualTo("telegram");
        alice.send(Map.of("type", "accept", "conversationId", conversationId));
        alice.await("conversation", f -> f.get("conversationId").stringValue().equals(conversationId));
        alice.send(Map.of("type", "message", "conversationId", conversationId, "text", "Alice here, on node B.", "clientMessageId", "b-1"));
        awaitSent(chat, m -> m.get("text").stringValue().equals("Alice here, on node B."));

        webhook(nodeA, TelegramUpdates.message(chat, "Thank you, Alice"));
        alice.awaitMessage("visitor", m -> m.get("text").stringValue().equals("Thank you, Alice"));
        alice.send(Map.of("type", "hand_back", "conversationId", conversationId));
        awaitSent(chat, m -> m.get("text").stringValue().startsWith("You're back with the bot"));

        // Each node sends a conversation's messages in order: once the last went out, every earlier one had its turn.
        List<String> sent = sentTo(chat).stream().map(m -> m.get("text").stringValue()).toList();
        assertThat(sent).containsOnlyOnce("Alice here, on node B.");
        assertThat(sent).doesNotHaveDuplicates();
    }

    @Test
    void anUpdateRedeliveredToTheOtherNodeIsHandledOnce() {
        long chat = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        String update = TelegramUpdates.message(chat, "How much does shipping cost?");

        webhook(nodeA, update).expectBody().jsonPath("$.duplicate").isEqualTo(false);
        webhook(nodeB, update).expectBody().jsonPath("$.duplicate").isEqualTo(true);

        awaitSent(chat, m -> true);
        assertThat(sentTo(chat)).hasSize(1);
    }

    private static WebTestClient.ResponseSpec webhook(BatonNodes.Node node, String update) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + node.port()).responseTimeout(PATIENCE).build()
                .post().uri("/channels/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .bodyValue(update)
                .exchange()
                .expectStatus().isOk();
    }

    private static List<JsonNode> sentTo(long chat) {
        return telegram.findAll(postRequestedFor(urlEqualTo(SEND_MESSAGE))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chat)))))
                .stream().map(LoggedRequest::getBodyAsString).map(JSON::readTree).toList();
    }

    private static void awaitSent(long chat, Predicate<JsonNode> matching) {
        await().atMost(PATIENCE).until(() -> sentTo(chat).stream().anyMatch(matching));
    }
}
