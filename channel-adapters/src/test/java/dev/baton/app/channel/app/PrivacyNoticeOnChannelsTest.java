package dev.baton.app.channel.app;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.app.webhooks.WebhookSignature;
import dev.baton.conversation.Conversation;
import dev.baton.engine.Stores;
import dev.baton.privacy.Consent;
import dev.baton.privacy.ConsentRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The privacy notice on a messaging channel (the signed app channel here; Telegram and WhatsApp go through the same
 * code): a chat cannot hold a first message back for consent, so the notice is a new conversation's first reply, and
 * the consent is recorded as informed via the channel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.channels.app.enabled=true",
        "baton.channels.app.secret=" + PrivacyNoticeOnChannelsTest.SECRET,
        "baton.channels.send-timeout=2s",
        "baton.privacy.notice.enabled=true",
        "baton.privacy.notice.version=2026-12",
        "baton.privacy.notice.text.en=We keep this chat to help you.",
        "baton.privacy.notice.link=https://shop.example/privacy"})
class PrivacyNoticeOnChannelsTest {

    static final String SECRET = "the-app-and-baton-share-this";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final WireMockExtension app = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort()).resetOnEachTest(false).build();

    @BeforeAll
    static void stubApp() {
        app.stubFor(WireMock.post("/baton/replies").willReturn(aResponse().withStatus(204)));
    }

    @DynamicPropertySource
    static void callback(DynamicPropertyRegistry registry) {
        registry.add("baton.channels.app.callback-url", () -> app.baseUrl() + "/baton/replies");
    }

    @LocalServerPort
    int port;

    @Autowired
    Stores stores;

    @Autowired
    ConsentRecords consents;

    @Test
    void theNoticeIsTheFirstReplyOfANewConversationAndTheConsentIsRecordedAsInformedViaTheChannel() {
        String user = "u-" + UUID.randomUUID().toString().substring(0, 12);

        post(user, "How much does shipping cost?");
        List<JsonNode> first = awaitSent(user, 2);
        post(user, "And to Italy?");
        List<JsonNode> all = awaitSent(user, 3);

        assertThat(first.get(0).get("text").stringValue()).isEqualTo("We keep this chat to help you.\n\nhttps://shop.example/privacy");
        assertThat(first.get(1).get("text").stringValue()).as("then the bot's answer").contains("shipping");
        assertThat(all.subList(1, 3)).as("once per conversation").noneMatch(m -> m.get("text").stringValue().startsWith("We keep this chat"));
        Conversation conversation = stores.conversations().ofVisitor("app:" + user).blockFirst(PATIENCE);
        Consent consent = consents.of(conversation.id()).block(PATIENCE);
        assertThat(consent.noticeVersion()).isEqualTo("2026-12");
        assertThat(consent.how()).isEqualTo(Consent.How.INFORMED_VIA_CHANNEL);
    }

    private void post(String user, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", "m-" + UUID.randomUUID());
        message.put("user", user);
        message.put("text", text);
        byte[] body = JSON.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(PATIENCE).build()
                .post().uri(AppWebhook.PATH).contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(SECRET, Instant.now().getEpochSecond(), body))
                .bodyValue(body).exchange().expectStatus().isOk();
    }

    /** The replies sent to the user, in the order of the transcript, once there are {@code count}. */
    private static List<JsonNode> awaitSent(String user, int count) {
        return await().atMost(PATIENCE).until(() -> app.findAll(postRequestedFor(urlEqualTo("/baton/replies"))
                                .withRequestBody(matchingJsonPath("$.to", equalTo(user)))).stream()
                        .map(LoggedRequest::getBodyAsString).map(JSON::readTree)
                        .sorted(java.util.Comparator.comparingLong(m -> m.get("messageId").asLong())).toList(),
                sent -> sent.size() >= count);
    }
}
