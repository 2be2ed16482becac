package dev.baton.app.cluster;

import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.store.redis.RedisServer;
import org.awaitility.Awaitility;
import io.lettuce.core.KillArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis goes away under a running node: clients are told to retry, health says DOWN, and the node heals itself. */
class RedisOutageTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @TempDir
    Path redisData;

    @Test
    void aNodeTellsClientsToRetryWhileRedisIsDownAndRecoversWhenItIsBack() {
        try (RedisServer redis = RedisServer.restartable(redisData)) {
            redis.start();
            BatonNodes.Node node = cluster.startOn(redis.url(),
                    "baton.agents.users[0].username=ada", "baton.agents.users[0].name=Ada",
                    "baton.agents.users[0].password-hash={noop}ada-secret-1", "baton.agents.users[0].roles=AGENT");
            WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + node.port())
                    .responseTimeout(Duration.ofSeconds(10)).build();
            ChatSocket visitor = sockets.visitor(node.port());
            visitor.send(Map.of("type", "hello", "visitorId", "v-outage-0001"));
            visitor.await("welcome");
            visitor.send(Map.of("type", "message", "text", "How much does shipping cost?", "clientMessageId", "m-1"));
            visitor.awaitMessage("bot");

            redis.stop();
            visitor.send(Map.of("type", "message", "text", "How long does delivery take?", "clientMessageId", "m-2"));
            JsonNode error = visitor.await("error");
            assertThat(error.get("code").stringValue()).isEqualTo("unavailable");
            assertThat(error.get("message").stringValue()).contains("try again");
            http.get().uri("/actuator/health").headers(h -> h.setBasicAuth("ada", "ada-secret-1")).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.components.redis.status").isEqualTo("DOWN");

            redis.start();
            awaitHealthUp(http);
            visitor.send(Map.of("type", "message", "text", "How long does delivery take?", "clientMessageId", "m-2"));
            JsonNode answer = visitor.awaitMessage("bot", m -> m.get("text").stringValue().contains("working days"));
            assertThat(answer.get("id").asLong()).as("nothing half-stored during the outage").isEqualTo(4);
        }
    }

    @Test
    void aRetriedSendWhoseEventsWereLostIsAcknowledgedWithTheMessageAndItsAnswer() {
        try (RedisServer redis = RedisServer.restartable(redisData); BatonNodes.DirectStore direct = startedAndReached(redis)) {
            BatonNodes.Node node = cluster.startOn(redis.url());
            ChatSocket visitor = sockets.visitor(node.port());
            visitor.send(Map.of("type", "hello", "visitorId", "v-outage-0002"));
            String conversationId = visitor.await("welcome").get("conversationId").stringValue();
            // Loads the append script, so that nothing but the store's own step follows the cut below.
            direct.store().append("c-none", MessageDraft.systemNote("warm-up")).block(TIMEOUT);

            // Pub/sub is at most once: with the node's subscription cut, the message and its answer are stored
            // and announced to nobody, as when Redis comes back under a node that has not subscribed again yet.
            direct.commands().clientKill(KillArgs.Builder.typePubsub());
            Message question = direct.store().append(conversationId,
                    MessageDraft.fromVisitor("How much does shipping cost?", Optional.of("m-lost"))).block(TIMEOUT);
            direct.store().append(conversationId, MessageDraft.fromBot("Shipping is free over 50 €.", List.of())
                    .replyingTo(question.id())).block(TIMEOUT);

            visitor.send(Map.of("type", "message", "text", "How much does shipping cost?", "clientMessageId", "m-lost"));
            JsonNode echo = visitor.awaitMessage("visitor", m -> m.get("id").asLong() == question.id());
            JsonNode answer = visitor.awaitMessage("bot", m -> m.get("replyTo").asLong() == question.id());
            assertThat(echo.get("clientMessageId").stringValue()).isEqualTo("m-lost");
            assertThat(answer.get("text").stringValue()).isEqualTo("Shipping is free over 50 €.");
        }
    }

    private BatonNodes.DirectStore startedAndReached(RedisServer redis) {
        redis.start();
        return cluster.storeOn(redis.url());
    }

    private static void awaitHealthUp(WebTestClient http) {
        Awaitility.await("the node reports UP after Redis came back").atMost(Duration.ofSeconds(30))
                .until(() -> http.get().uri("/actuator/health").exchange().returnResult(String.class).getStatus().is2xxSuccessful());
    }
}
