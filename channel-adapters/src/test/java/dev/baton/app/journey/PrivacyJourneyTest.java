package dev.baton.app.journey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor's privacy over real sockets (docs/protocol.md, Privacy): the notice they accept before writing, recorded
 * with the conversation; downloading and erasing their own data with their token; and an administrator doing the same
 * through the API by visitor id, email or phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.privacy.notice.enabled=true",
        "baton.privacy.notice.version=2026-12",
        "baton.privacy.notice.text.en=We keep this chat to help you.",
        "baton.privacy.notice.text.it=Conserviamo questa chat per aiutarti.",
        "baton.privacy.notice.link=https://shop.example/privacy",
        "baton.agents.users[0].username=alice",
        "baton.agents.users[0].name=Alice",
        "baton.agents.users[0].password-hash={noop}alice-secret-1",
        "baton.agents.users[0].roles=AGENT",
        "baton.agents.users[1].username=root",
        "baton.agents.users[1].name=Root",
        "baton.agents.users[1].password-hash={noop}root-secret-1",
        "baton.agents.users[1].roles=ADMIN"})
class PrivacyJourneyTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    /** A visitor who accepted the notice and wrote once; their socket, id, token and conversation. */
    private record Visitor(ChatSocket socket, String id, String token, String conversationId) {
    }

    private Visitor givenAVisitorWhoAcceptedAndWrote(String text) {
        String visitorId = "v-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ChatSocket socket = sockets.visitor(port).send(Map.of("type", "hello", "visitorId", visitorId, "language", "en"));
        JsonNode welcome = socket.await("welcome");
        socket.await("privacy_notice");
        socket.send(Map.of("type", "accept_privacy_notice", "version", "2026-12"));
        socket.await("privacy_notice_accepted");
        socket.send(Map.of("type", "message", "text", text));
        socket.awaitMessage("bot");
        return new Visitor(socket, visitorId, welcome.get("visitorToken").stringValue(), welcome.get("conversationId").stringValue());
    }

    @Test
    void theVisitorMustAcceptTheNoticeInTheirLanguageBeforeWritingAndTheConsentIsKeptWithTheConversation() {
        String visitorId = "v-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ChatSocket visitor = sockets.visitor(port).send(Map.of("type", "hello", "visitorId", visitorId, "language", "it"));
        JsonNode welcome = visitor.await("welcome");
        String conversationId = welcome.get("conversationId").stringValue();

        JsonNode notice = visitor.await("privacy_notice");
        assertThat(notice.get("conversationId").stringValue()).isEqualTo(conversationId);
        assertThat(notice.get("version").stringValue()).isEqualTo("2026-12");
        assertThat(notice.get("text").stringValue()).isEqualTo("Conserviamo questa chat per aiutarti.");
        assertThat(notice.get("link").stringValue()).isEqualTo("https://shop.example/privacy");

        visitor.send(Map.of("type", "message", "text", "dov'è il mio ordine?"));
        assertThat(visitor.await("error").get("code").stringValue()).isEqualTo("consent_required");
        visitor.send(Map.of("type", "leave_message", "text", "chiamatemi"));
        assertThat(visitor.await("error").get("code").stringValue()).isEqualTo("consent_required");
        visitor.send(Map.of("type", "accept_privacy_notice", "version", "2025-01"));
        assertThat(visitor.await("error").get("code").stringValue()).isEqualTo("invalid_notice_version");

        visitor.send(Map.of("type", "accept_privacy_notice", "version", "2026-12"));
        JsonNode accepted = visitor.await("privacy_notice_accepted");
        assertThat(accepted.get("version").stringValue()).isEqualTo("2026-12");
        visitor.send(Map.of("type", "message", "text", "dov'è il mio ordine?"));
        visitor.awaitMessage("bot");

        ChatSocket back = sockets.visitor(port).send(Map.of("type", "hello", "visitorId", visitorId,
                "visitorToken", welcome.get("visitorToken").stringValue(), "conversationId", conversationId));
        back.await("welcome");
        back.send(Map.of("type", "ping"));
        back.await("pong");
        assertThat(back.frames()).as("a visitor who accepted is not asked again").noneMatch(f -> f.get("type").stringValue().equals("privacy_notice"));

        back.send(Map.of("type", "export_data", "visitorToken", welcome.get("visitorToken").stringValue()));
        JsonNode consent = back.await("data_export").get("data").get("conversations").get(0).get("consent");
        assertThat(consent.get("noticeVersion").stringValue()).isEqualTo("2026-12");
        assertThat(consent.get("at").stringValue()).isEqualTo(accepted.get("at").stringValue());
    }

    @Test
    void theVisitorDownloadsTheirDataWithTheirTokenOnly() {
        Visitor ann = givenAVisitorWhoAcceptedAndWrote("where is my order? write to ann@example.com");
        Visitor bob = givenAVisitorWhoAcceptedAndWrote("hello");

        ann.socket().send(Map.of("type", "export_data"));
        assertThat(ann.socket().await("error").get("code").stringValue()).isEqualTo("visitor_token_required");
        ann.socket().send(Map.of("type", "export_data", "visitorToken", bob.token()));
        assertThat(ann.socket().await("error").get("code").stringValue()).isEqualTo("invalid_visitor_token");

        ann.socket().send(Map.of("type", "export_data", "visitorToken", ann.token()));
        JsonNode data = ann.socket().await("data_export").get("data");

        assertThat(data.get("visitorId").stringValue()).isEqualTo(ann.id());
        assertThat(data.get("conversations")).hasSize(1);
        JsonNode conversation = data.get("conversations").get(0);
        assertThat(conversation.get("conversationId").stringValue()).isEqualTo(ann.conversationId());
        assertThat(conversation.get("messages").get(0).get("text").stringValue()).isEqualTo("where is my order? write to ann@example.com");
        assertThat(conversation.get("messages").get(1).get("from").stringValue()).isEqualTo("bot");
        assertThat(data.get("leftMessages")).isEmpty();
    }

    @Test
    void theVisitorErasesEverythingAndTheAgentWhoHadTheConversationSeesItClosed() {
        Visitor ann = givenAVisitorWhoAcceptedAndWrote("I want to talk to a person");
        ChatSocket agent = sockets.agent(port, "alice", "alice-secret-1");
        agent.awaitQueued(ann.conversationId());
        agent.send(Map.of("type", "accept", "conversationId", ann.conversationId()));
        agent.await("conversation");

        ann.socket().send(Map.of("type", "erase_data", "visitorToken", ann.token(), "confirm", false));
        assertThat(ann.socket().await("error").get("code").stringValue()).isEqualTo("missing_field");
        ann.socket().send(Map.of("type", "erase_data", "visitorToken", ann.token(), "confirm", true));
        JsonNode erased = ann.socket().await("data_erased").get("erased");

        assertThat(erased.get("conversations").intValue()).isEqualTo(1);
        assertThat(erased.get("closed").intValue()).isEqualTo(1);
        assertThat(erased.get("messages").intValue()).isGreaterThanOrEqualTo(2);
        agent.await("state", f -> f.get("conversationId").stringValue().equals(ann.conversationId())
                && f.get("state").stringValue().equals("RESOLVED"));
        ann.socket().send(Map.of("type", "export_data", "visitorToken", ann.token()));
        assertThat(ann.socket().await("data_export").get("data").get("conversations")).isEmpty();
    }

    @Test
    void anAdministratorExportsByEmailAndErasesByPhoneThroughTheApi() {
        Visitor ann = givenAVisitorWhoAcceptedAndWrote("my email is Ann.Smith@example.com, phone +39 333 123 4567");
        givenAVisitorWhoAcceptedAndWrote("hello there");

        JsonNode byEmail = JSON.readTree(admin().get().uri("/api/admin/visitor-data?email=ann.smith@example.com").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(byEmail.get("visitors")).hasSize(1);
        assertThat(byEmail.get("visitors").get(0).get("visitorId").stringValue()).isEqualTo(ann.id());

        JsonNode erased = JSON.readTree(admin().delete().uri("/api/admin/visitor-data?phone=3331234567").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(erased.get("erased").get("visitors").intValue()).isEqualTo(1);
        assertThat(erased.get("erased").get("conversations").intValue()).isEqualTo(1);

        JsonNode byId = JSON.readTree(admin().get().uri("/api/admin/visitor-data?visitorId=" + ann.id()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(byId.get("visitors").get(0).get("conversations")).isEmpty();
    }

    @Test
    void onlyAnAdministratorMayUseTheApiAndARequestNamesExactlyOneVisitor() {
        http().get().uri("/api/admin/visitor-data?visitorId=v-0123456789").exchange().expectStatus().isUnauthorized();
        http().get().uri("/api/admin/visitor-data?visitorId=v-0123456789").headers(h -> h.setBasicAuth("alice", "alice-secret-1"))
                .exchange().expectStatus().isForbidden();
        admin().get().uri("/api/admin/visitor-data?visitorId=v-0123456789&email=a@example.com").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("bad_request");
        admin().delete().uri("/api/admin/visitor-data?phone=12").exchange().expectStatus().isBadRequest();
        admin().delete().uri("/api/admin/visitor-data?email=not-an-email").exchange().expectStatus().isBadRequest();
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }

    private WebTestClient admin() {
        return http().mutate().defaultHeaders(h -> h.setBasicAuth("root", "root-secret-1")).build();
    }
}
