package dev.baton.app.channel.whatsapp;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.engine.Stores;
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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A WhatsApp customer end to end: deliveries posted to the webhook as the Cloud API posts them (signed), the Cloud API
 * stood in for by WireMock on a loopback port, the agent over the console's WebSocket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.channels.whatsapp.enabled=true",
        "baton.channels.whatsapp.access-token=" + WhatsAppJourneyTest.ACCESS_TOKEN,
        "baton.channels.whatsapp.app-secret=" + WhatsAppJourneyTest.APP_SECRET,
        "baton.channels.whatsapp.verify-token=meatyhamhock",
        "baton.channels.whatsapp.phone-number-id=" + WhatsAppDeliveries.PHONE_NUMBER_ID,
        "baton.channels.send-timeout=2s",
        "baton.channels.retry.first-backoff=20ms",
        "baton.channels.retry.max-backoff=200ms"})
class WhatsAppJourneyTest {

    static final String ACCESS_TOKEN = "EAAJB-test-access-token";
    static final String APP_SECRET = "app-secret-of-the-tests";
    private static final String MESSAGES = "/" + WhatsAppDeliveries.PHONE_NUMBER_ID + "/messages";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final WireMockExtension whatsApp = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort()).resetOnEachTest(false).build();

    @BeforeAll
    static void stubWhatsApp() {
        whatsApp.stubFor(post(urlEqualTo(MESSAGES)).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"1\",\"wa_id\":\"1\"}],\"messages\":[{\"id\":\"wamid.sent\"}]}")));
    }

    @DynamicPropertySource
    static void cloudApi(DynamicPropertyRegistry registry) {
        registry.add("baton.channels.whatsapp.api-url", whatsApp::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    Stores stores;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void theVerificationHandshakeEchoesTheChallengeOnlyForTheVerifyToken() {
        client().get().uri("/channels/whatsapp/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("1158201444");
        client().get().uri("/channels/whatsapp/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess")
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.error").isEqualTo("verification_refused");
    }

    @Test
    void aQuestionIsAnsweredByTheBotWithItsFollowUpsAsReplyButtonsOrAList() {
        String customer = newCustomer();

        deliver(WhatsAppDeliveries.text(customer, "How much does shipping cost?")).expectStatus().isOk();

        JsonNode answer = awaitSent(customer, m -> true);
        assertThat(answer.get("type").stringValue()).isEqualTo("interactive");
        JsonNode interactive = answer.get("interactive");
        assertThat(interactive.get("body").get("text").stringValue()).contains("shipping");
        if (interactive.get("type").stringValue().equals("button")) {
            assertThat(interactive.get("action").get("buttons").size()).isBetween(1, 3);
        } else {
            assertThat(interactive.get("action").get("sections").get(0).get("rows").size()).isBetween(4, 10);
        }
        LoggedRequest sent = whatsApp.findAll(postRequestedFor(urlEqualTo(MESSAGES))).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    }

    @Test
    void aCustomerIsHandedToAnAgentWhoAnswersInTheConsoleIsHandedBackAndRatesTheConversation() {
        ChatSocket alice = sockets.agent(port, "alice", "alice-secret-1");
        alice.await("welcome");
        String customer = newCustomer();

        deliver(WhatsAppDeliveries.text(customer, "I want to talk to a person")).expectStatus().isOk();
        String conversationId = conversationOf(customer).id();
        assertThat(alice.awaitQueued(conversationId).get("channel").stringValue()).isEqualTo("whatsapp");
        awaitSent(customer, m -> text(m).startsWith("I'm passing you to"));

        alice.send(Map.of("type", "accept", "conversationId", conversationId));
        alice.await("conversation", f -> f.get("conversationId").stringValue().equals(conversationId));
        alice.send(Map.of("type", "message", "conversationId", conversationId, "text", "Ciao, I'm Alice.", "clientMessageId", "alice-wa-1"));
        awaitSent(customer, m -> text(m).equals("Ciao, I'm Alice."));
        deliver(WhatsAppDeliveries.text(customer, "Where is my order 48213?")).expectStatus().isOk();
        alice.awaitMessage("visitor", m -> m.get("text").stringValue().equals("Where is my order 48213?"));

        alice.send(Map.of("type", "hand_back", "conversationId", conversationId));
        awaitSent(customer, m -> text(m).startsWith("You're back with the bot"));
        deliver(WhatsAppDeliveries.text(customer, "I want to talk to a person")).expectStatus().isOk();
        alice.awaitQueued(conversationId);
        alice.send(Map.of("type", "accept", "conversationId", conversationId));
        alice.await("conversation", f -> f.get("conversationId").stringValue().equals(conversationId));
        alice.send(Map.of("type", "resolve", "conversationId", conversationId));

        JsonNode question = awaitSent(customer, m -> text(m).startsWith("How would you rate"));
        JsonNode rows = question.get("interactive").get("action").get("sections").get(0).get("rows");
        assertThat(question.get("interactive").get("type").stringValue()).as("five choices: a list, not buttons").isEqualTo("list");
        deliver(WhatsAppDeliveries.listReply(customer, rows.get(3).get("id").stringValue(), rows.get(3).get("title").stringValue()))
                .expectStatus().isOk();
        assertThat(alice.awaitMessage("system", m -> m.get("text").stringValue().startsWith("Rated")).get("text").stringValue())
                .isEqualTo("Rated 4/5");
    }

    @Test
    void aReplyButtonChosenAnswersItsQuestion() {
        String customer = newCustomer();
        deliver(WhatsAppDeliveries.text(customer, "my parrot recites latin poetry")).expectStatus().isOk();
        JsonNode sorry = awaitSent(customer, m -> m.get("type").stringValue().equals("interactive"));
        JsonNode person = sorry.get("interactive").get("action").get("buttons").get(0).get("reply");
        assertThat(person.get("title").stringValue()).isEqualTo("Talk to a person");

        deliver(WhatsAppDeliveries.buttonReply(customer, person.get("id").stringValue(), "Talk to a person")).expectStatus().isOk();

        awaitSent(customer, m -> text(m).startsWith("I'm passing you to"));
    }

    @Test
    void aRedeliveredMessageIsHandledAndStoredOnce() {
        String customer = newCustomer();
        String delivery = WhatsAppDeliveries.text(customer, "How much does shipping cost?");

        deliver(delivery).expectStatus().isOk().expectBody().jsonPath("$.duplicate").isEqualTo(false);
        deliver(delivery).expectStatus().isOk().expectBody().jsonPath("$.duplicate").isEqualTo(true);

        awaitSent(customer, m -> true);
        List<Message> transcript = stores.conversations().transcript(conversationOf(customer).id(), 0).collectList().block();
        assertThat(transcript).extracting(Message::text).containsOnlyOnce("How much does shipping cost?");
        assertThat(sentTo(customer)).hasSize(1);
    }

    @Test
    void aDeliveryWithoutAValidSignatureIsRefusedAndNeverRead() {
        String customer = newCustomer();
        String delivery = WhatsAppDeliveries.text(customer, "How much does shipping cost?");

        postSigned(delivery, null).expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("bad_signature");
        postSigned(delivery, WhatsAppDeliveries.signature(delivery, "not-the-app-secret")).expectStatus().isUnauthorized();
        postSigned(delivery, "sha256=zz").expectStatus().isUnauthorized();
        postSigned(delivery.replace("shipping", "returns"), WhatsAppDeliveries.signature(delivery, APP_SECRET)).expectStatus().isUnauthorized();

        assertThat(stores.conversations().ofVisitor("whatsapp:" + customer).collectList().block()).isEmpty();
    }

    @Test
    void deliveriesThatCannotBeReadOrNameNothingKnownGetClearErrors() {
        String customer = newCustomer();
        deliver("{not json").expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("unreadable_payload");
        deliver("{\"object\":\"page\",\"entry\":[]}").expectStatus().isBadRequest();
        deliver(WhatsAppDeliveries.forAnotherNumber(WhatsAppDeliveries.text(customer, "hello"))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error").isEqualTo("unknown_phone_number");
        deliver(WhatsAppDeliveries.buttonReply(customer, "999:1", "Returns")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error").isEqualTo("unknown_choice");
    }

    private WebTestClient.ResponseSpec deliver(String body) {
        return postSigned(body, WhatsAppDeliveries.signature(body, APP_SECRET));
    }

    private WebTestClient.ResponseSpec postSigned(String body, String signature) {
        return client().post().uri("/channels/whatsapp/webhook").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (signature != null) {
                        h.set(WhatsAppWebhook.SIGNATURE_HEADER, signature);
                    }
                })
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(PATIENCE).build();
    }

    private Conversation conversationOf(String customer) {
        return await().atMost(PATIENCE).until(() -> stores.conversations().ofVisitor("whatsapp:" + customer).collectList().block(),
                list -> !list.isEmpty()).get(0);
    }

    /** What a sent message says: its text, or its interactive body. */
    private static String text(JsonNode sent) {
        return sent.has("text") ? sent.get("text").get("body").stringValue() : sent.get("interactive").get("body").get("text").stringValue();
    }

    private static List<JsonNode> sentTo(String customer) {
        return whatsApp.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(customer))))
                .stream().map(LoggedRequest::getBodyAsString).map(JSON::readTree).toList();
    }

    private static JsonNode awaitSent(String customer, Predicate<JsonNode> matching) {
        return await().atMost(PATIENCE).until(() -> sentTo(customer).stream().filter(matching).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static String newCustomer() {
        return Long.toString(ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L));
    }
}
