package dev.baton.app.metrics;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import dev.baton.observation.ConversationLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators see of a running node: its metrics at {@code /actuator/prometheus} (for the monitoring account
 * only), its health (details for logged-in users only; liveness and readiness apart) and its structured log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.agents.users[0].username=ada",
        "baton.agents.users[0].name=Ada",
        "baton.agents.users[0].password-hash={noop}ada-secret-1",
        "baton.agents.users[0].roles=AGENT",
        "baton.agents.users[1].username=scraper",
        "baton.agents.users[1].name=Prometheus",
        "baton.agents.users[1].password-hash={noop}scraper-secret-1",
        "baton.agents.users[1].roles=METRICS"})
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityEndpointsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void aShortConversationWithAnAgentIsCountedAtThePrometheusEndpoint() {
        PrometheusScrape before = scrape();
        ChatSocket visitor = givenAVisitor();
        visitor.send(message("How much does shipping cost?"));
        visitor.awaitMessage("bot");
        visitor.send(message("I want to talk to a person"));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        String conversationId = conversationOf(visitor);
        ChatSocket agent = sockets.agent(port, "ada", "ada-secret-1");
        agent.awaitQueued(conversationId);
        agent.send(Map.of("type", "accept", "conversationId", conversationId));
        agent.await("conversation");
        agent.send(Map.of("type", "message", "conversationId", conversationId, "text", "Hello, Ada here."));
        visitor.awaitMessage("agent");
        agent.send(Map.of("type", "resolve", "conversationId", conversationId));
        visitor.await("state", f -> f.get("state").stringValue().equals("RESOLVED"));

        PrometheusScrape after = scrape();
        assertThat(after.since(before, "baton_messages_received_total{channel=\"widget\"}")).isEqualTo(2);
        assertThat(after.since(before, "baton_messages_received_total{channel=\"console\"}")).isEqualTo(1);
        assertThat(after.since(before, "baton_bot_decisions_total{decision=\"answer\"}")).isEqualTo(1);
        assertThat(after.since(before, "baton_bot_decisions_total{decision=\"hand_off\"}")).isEqualTo(1);
        assertThat(after.since(before, "baton_bot_decisions_total{decision=\"not_understood\"}")).isZero();
        assertThat(after.since(before, "baton_handoffs_total{reason=\"visitor_asked\"}")).isEqualTo(1);
        assertThat(after.since(before, "baton_conversations_engaged_total")).isEqualTo(1);
        assertThat(after.since(before, "baton_conversations_escalated_total")).isEqualTo(1);
        assertThat(after.since(before, "baton_classification_seconds_count")).isEqualTo(2);
        assertThat(after.since(before, "baton_bot_turn_seconds_count")).isEqualTo(2);
        assertThat(after.since(before, "baton_queue_wait_seconds_count{outcome=\"accepted\"}")).isEqualTo(1);
        assertThat(after.since(before, "baton_agent_first_response_seconds_count")).isEqualTo(1);
        assertThat(after.since(before, "baton_conversation_duration_seconds_count")).isEqualTo(1);
        assertThat(after.since(before, "baton_store_operations_seconds_count{operation=\"appendAsVisitor\"}")).isEqualTo(2);
        assertThat(after.value("baton_sockets_open{kind=\"visitor\"}")).isEqualTo(1);
        assertThat(after.value("baton_sockets_open{kind=\"agent\"}")).isEqualTo(1);
        // The node reads the queue again shortly after each change.
        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().value("baton_queue_length") == 0);
    }

    @Test
    void theQueueLengthFollowsTheQueue() {
        ChatSocket visitor = givenAVisitor();
        visitor.send(message("I want to talk to a person"));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));

        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().value("baton_queue_length") == 1);
        visitor.send(Map.of("type", "stop_waiting"));
        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().value("baton_queue_length") == 0);
        assertThat(scrape().value("baton_queue_wait_seconds_count{outcome=\"left\"}")).isPositive();
    }

    @Test
    void onlyTheMonitoringAccountMayReadTheMetrics() {
        http().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        http().get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("ada", "ada-secret-1"))
                .exchange().expectStatus().isForbidden();
        http().get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("scraper", "scraper-secret-1"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void healthShowsItsDetailsOnlyToSomeoneLoggedIn() {
        JsonNode anonymous = health("/actuator/health", h -> {
        });
        assertThat(anonymous.get("status").stringValue()).isEqualTo("UP");
        assertThat(anonymous.has("components")).as("no details for anonymous callers").isFalse();

        JsonNode agent = health("/actuator/health", h -> h.setBasicAuth("ada", "ada-secret-1"));
        assertThat(agent.get("components").get("knowledge").get("details").has("intentDatabaseVersion")).isTrue();

        assertThat(health("/actuator/health/liveness", h -> {
        }).get("status").stringValue()).isEqualTo("UP");
        assertThat(health("/actuator/health/readiness", h -> {
        }).get("status").stringValue()).isEqualTo("UP");
    }

    @Test
    void aBotTurnIsOneStructuredLogLineWithItsDecisionAndNotWhatTheVisitorWrote(CapturedOutput output) {
        ChatSocket visitor = givenAVisitor();
        String conversationId = conversationOf(visitor);
        String question = "How much does shipping cost to Lisbon for me, Ines Pereira?";
        List<ILoggingEvent> lines;
        try (LoggedLines logged = LoggedLines.of(ConversationLog.class)) {
            visitor.send(message(question));
            visitor.awaitMessage("bot");
            lines = await().atMost(Duration.ofSeconds(10)).until(() -> logged.about(conversationId), found -> !found.isEmpty());
        }

        assertThat(lines).hasSize(1);
        // Rendered as with --logging.structured.format.console=ecs: each key-value pair a field of its own.
        JsonNode turn = JSON.readTree(LoggedLines.asEcsJson(lines.get(0)));
        assertThat(text(turn, "message")).isEqualTo("bot turn");
        assertThat(text(turn, "conversationId")).isEqualTo(conversationId);
        assertThat(text(turn, "decision")).isEqualTo("answer");
        assertThat(text(turn, "intent")).isEqualTo("shipping_costs");
        assertThat(turn.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(turn.get("latencyMs").asDouble()).isNotNegative();
        assertThat(turn.has("classificationMs")).isTrue();
        assertThat(turn.toString()).doesNotContain("Lisbon").doesNotContain("Ines Pereira");
        assertThat(output.getOut()).doesNotContain("Lisbon").doesNotContain("Ines Pereira");
        // And as a plain console line, the default: the same facts after the message.
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().lines().anyMatch(line -> line.contains("bot turn")
                && line.contains("conversationId=\"" + conversationId + "\"")));
        assertThat(output.getOut().lines().filter(line -> line.contains("conversationId=\"" + conversationId + "\"")))
                .singleElement().asString().contains("decision=\"answer\"").contains("intent=\"shipping_costs\"");
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null ? null : value.asString();
    }

    private JsonNode health(String path, Consumer<org.springframework.http.HttpHeaders> credentials) {
        return JSON.readTree(http().get().uri(path).headers(credentials).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.parse(http().get().uri("/actuator/prometheus")
                .headers(h -> h.setBasicAuth("scraper", "scraper-secret-1"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }

    private ChatSocket givenAVisitor() {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", "en"));
        visitor.await("welcome");
        return visitor;
    }

    private static String conversationOf(ChatSocket visitor) {
        return visitor.frames().stream().filter(f -> f.get("type").stringValue().equals("welcome"))
                .findFirst().orElseThrow().get("conversationId").stringValue();
    }

    private static Map<String, Object> message(String text) {
        return Map.of("type", "message", "text", text, "clientMessageId", UUID.randomUUID().toString());
    }
}
