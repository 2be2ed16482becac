package dev.baton.app.webhooks;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conversation events out, end to end over real sockets, to receivers stood in for by WireMock on a loopback port: a
 * CRM that wants everything, a ticket system that wants resolutions only and fails once, and one that refuses
 * for good. Every event is signed, carries no words of the visitor, is retried while the receiver fails for now,
 * and lands in the delivery log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventsOutJourneyTest {

    private static final String CRM_SECRET = "crm-secret-0123456789";
    private static final String TICKETS_SECRET = "tickets-secret-0123456789";
    @RegisterExtension
    static final WireMockExtension receivers = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).resetOnEachTest(false).build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void stubReceivers() {
        receivers.stubFor(post("/crm").willReturn(aResponse().withStatus(204)));
        receivers.stubFor(post("/tickets").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        receivers.stubFor(post("/tickets").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        receivers.stubFor(post("/gone").willReturn(aResponse().withStatus(410)));
    }

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        registry.add("baton.webhooks.endpoints[0].url", () -> receivers.baseUrl() + "/crm");
        registry.add("baton.webhooks.endpoints[0].secret", () -> CRM_SECRET);
        registry.add("baton.webhooks.endpoints[1].url", () -> receivers.baseUrl() + "/tickets");
        registry.add("baton.webhooks.endpoints[1].secret", () -> TICKETS_SECRET);
        registry.add("baton.webhooks.endpoints[1].events", () -> "conversation.resolved");
        registry.add("baton.webhooks.endpoints[2].url", () -> receivers.baseUrl() + "/gone");
        registry.add("baton.webhooks.endpoints[2].secret", () -> TICKETS_SECRET);
        registry.add("baton.webhooks.endpoints[2].events", () -> "conversation.rated");
        registry.add("baton.webhooks.first-backoff", () -> "20ms");
        registry.add("baton.webhooks.max-backoff", () -> "100ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    WebhookDeliveries deliveries;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void aConversationsStepsReachEachReceiverSignedOnceAndWithoutTheVisitorsWords() {
        String conversationId = aVisitorIsHelpedRatesAndLeaves();

        List<JsonNode> crm = await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(conversationId, "/crm", CRM_SECRET),
                events -> events.size() == 5);
        assertThat(crm).extracting(e -> e.get("type").stringValue()).containsExactly("conversation.started",
                "conversation.handed_off", "conversation.assigned", "conversation.resolved", "conversation.rated");
        assertThat(crm).extracting(e -> e.get("id").stringValue()).doesNotHaveDuplicates();
        assertThat(crm.get(1).get("data").get("reason").stringValue()).isEqualTo("visitor_asked");
        assertThat(crm.get(2).get("data").get("agent").stringValue()).isEqualTo("alice");
        assertThat(crm.get(3).get("data").get("agent").stringValue()).isEqualTo("alice");
        assertThat(crm.get(4).get("data").get("score").asInt()).isEqualTo(4);
        assertThat(Instant.parse(crm.get(0).get("occurredAt").stringValue())).isBefore(Instant.now().plusSeconds(1));
        assertThat(crm.toString()).doesNotContain("talk to a person", "Gentile");

        List<JsonNode> tickets = await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsOf(conversationId, "/tickets", TICKETS_SECRET), events -> events.size() == 2);
        assertThat(tickets).extracting(e -> e.get("type").stringValue()).containsOnly("conversation.resolved");
        assertThat(tickets.get(0).get("id")).as("the same event, sent again after a 503").isEqualTo(tickets.get(1).get("id"));

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.newestFirst().stream()
                .filter(d -> d.conversationId().equals(conversationId)).count() == 7);
        assertThat(deliveries.newestFirst()).filteredOn(d -> d.conversationId().equals(conversationId) && d.url().endsWith("/tickets"))
                .singleElement().satisfies(d -> {
                    assertThat(d.outcome()).isEqualTo("delivered");
                    assertThat(d.attempts()).isEqualTo(2);
                    assertThat(d.status()).isEqualTo(200);
                });
        assertThat(deliveries.newestFirst()).filteredOn(d -> d.conversationId().equals(conversationId) && d.url().endsWith("/gone"))
                .singleElement().satisfies(d -> {
                    assertThat(d.outcome()).as("a 410 is final: not retried").isEqualTo("failed");
                    assertThat(d.attempts()).isEqualTo(1);
                    assertThat(d.status()).isEqualTo(410);
                });
        receivers.verify(1, postRequestedFor(urlEqualTo("/gone")).withRequestBody(matching(".*" + conversationId + ".*")));
    }

    private String aVisitorIsHelpedRatesAndLeaves() {
        ChatSocket agent = sockets.agent(port, "alice", "alice-secret-1");
        agent.await("welcome");
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", "it"));
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();
        visitor.send(Map.of("type", "message", "text", "I want to talk to a person", "clientMessageId", UUID.randomUUID().toString()));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        agent.awaitQueued(conversationId);
        agent.send(Map.of("type", "accept", "conversationId", conversationId));
        visitor.await("state", f -> f.get("state").stringValue().equals("WITH_AGENT"));
        agent.send(Map.of("type", "resolve", "conversationId", conversationId));
        visitor.await("state", f -> f.get("state").stringValue().equals("RESOLVED"));
        visitor.send(Map.of("type", "rate_conversation", "score", 4, "comment", "Gentile e veloce"));
        visitor.await("conversation_rated");
        return conversationId;
    }

    /** The events a receiver got about one conversation, in order, each checked against its signature. */
    private static List<JsonNode> eventsOf(String conversationId, String path, String secret) {
        return receivers.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(request -> request.getBodyAsString().contains(conversationId))
                .peek(request -> assertThat(WebhookSignature.verifies(request.getHeader(WebhookSignature.HEADER), secret, request.getBody()))
                        .as("signed with the endpoint's secret").isTrue())
                .map(LoggedRequest::getBodyAsString)
                .map(JSON::readTree)
                .toList();
    }
}
