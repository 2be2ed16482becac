package dev.baton.app.cluster;

import dev.baton.app.BatonApplication;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A node killed with kill -9 mid-conversation: its visitor and agent carry on through another node. */
class NodeKilledTest {

    @RegisterExtension
    static final BatonNodes cluster = new BatonNodes();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @TempDir
    Path logs;

    private Process doomed;

    @AfterEach
    void killLeftovers() {
        if (doomed != null) {
            doomed.destroyForcibly();
        }
    }

    @Test
    void visitorAndAgentOfAKilledNodeReconnectElsewhereWithNothingLost() throws Exception {
        BatonNodes.Node survivor = cluster.start();
        int doomedPort = freePort();
        doomed = startNodeInItsOwnProcess(doomedPort);

        ChatSocket visitor = sockets.visitor(doomedPort);
        visitor.send(Map.of("type", "hello", "visitorId", "v-killed-node-1"));
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();
        ChatSocket agent = sockets.agent(doomedPort, "alice", "alice-secret-1");
        agent.await("welcome");
        visitor.send(Map.of("type", "message", "text", "I want to talk to a person", "clientMessageId", "k-1"));
        agent.awaitQueued(conversationId);
        agent.send(Map.of("type", "accept", "conversationId", conversationId));
        agent.await("conversation");
        agent.send(Map.of("type", "message", "conversationId", conversationId, "text", "Hi, Alice here", "clientMessageId", "a-1"));
        long lastSeen = visitor.awaitMessage("agent").get("id").asLong();

        doomed.destroyForcibly().waitFor();

        ChatSocket visitorAgain = sockets.visitor(survivor.port());
        visitorAgain.send(Map.of("type", "hello", "visitorId", "v-killed-node-1", "conversationId", conversationId, "lastSeenId", lastSeen));
        JsonNode welcome = visitorAgain.await("welcome");
        assertThat(welcome.get("resumed").asBoolean()).isTrue();
        assertThat(welcome.get("state").stringValue()).isEqualTo("WITH_AGENT");
        assertThat(welcome.get("messages").isEmpty()).as("nothing was missed, nothing repeated").isTrue();

        ChatSocket agentAgain = sockets.agent(survivor.port(), "alice", "alice-secret-1");
        agentAgain.await("assigned", f -> f.get("conversations").findValuesAsString("conversationId").contains(conversationId));
        visitorAgain.send(Map.of("type", "message", "text", "Still there?", "clientMessageId", "k-2"));
        agentAgain.await("message", f -> f.get("message").get("text").stringValue().equals("Still there?"));
        agentAgain.send(Map.of("type", "message", "conversationId", conversationId, "text", "Yes, still here", "clientMessageId", "a-2"));
        visitorAgain.awaitMessage("agent", m -> m.get("text").stringValue().equals("Yes, still here"));

        agentAgain.send(Map.of("type", "open", "conversationId", conversationId));
        List<String> transcript = agentAgain.await("conversation").get("transcript").findValuesAsString("text");
        assertThat(transcript).containsSubsequence("I want to talk to a person", "Hi, Alice here", "Still there?", "Yes, still here");
    }

    @Test
    void aMessageWhoseNodeDiedBeforeAnsweringIsAnsweredOnceByTheNodesThatSurvive() throws Exception {
        BatonNodes.Node survivor = cluster.startOn(BatonNodes.redis(), "baton.unanswered.answer-after=1s");
        cluster.startOn(BatonNodes.redis(), "baton.unanswered.answer-after=1s");
        ChatSocket visitor = sockets.visitor(survivor.port());
        visitor.send(Map.of("type", "hello", "visitorId", "v-killed-node-2"));
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();

        long orphan;
        try (BatonNodes.DirectStore direct = cluster.storeOn(BatonNodes.redis())) {
            // What a node killed between storing the visitor's message and the bot's answer leaves behind.
            orphan = direct.store().appendAsVisitor(conversationId, "v-killed-node-2",
                            MessageDraft.fromVisitor("How much does shipping cost?", Optional.of("k-orphan")))
                    .block(Duration.ofSeconds(10)).appended().message().id();

            visitor.awaitMessage("bot", m -> m.get("replyTo").asLong() == orphan);
            visitor.send(Map.of("type", "message", "text", "How long does delivery take?", "clientMessageId", "k-next"));
            visitor.awaitMessage("bot", m -> m.get("text").stringValue().contains("working days"));

            List<Message> answers = direct.store().transcript(conversationId, 0)
                    .filter(m -> m.replyTo().equals(OptionalLong.of(orphan))).collectList().block(Duration.ofSeconds(10));
            assertThat(answers).as("answered once, by one of the two nodes").hasSize(1);
        }
    }

    private Process startNodeInItsOwnProcess(int port) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                BatonApplication.class.getName(), "--server.port=" + port, "--baton.intents=../intents",
                "--baton.store=redis", "--baton.redis.url=" + BatonNodes.redis(), "--baton.redis.namespace=" + cluster.namespace())
                .redirectErrorStream(true).redirectOutput(logs.resolve("doomed-node.log").toFile())
                .start();
        Awaitility.await("the node process becomes healthy").atMost(Duration.ofSeconds(90)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node process died at start-up; see " + logs.resolve("doomed-node.log"));
            }
            try {
                HttpURLConnection health = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/actuator/health").toURL().openConnection();
                return health.getResponseCode() == 200;
            } catch (IOException notYet) {
                return false; // still starting
            }
        });
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
