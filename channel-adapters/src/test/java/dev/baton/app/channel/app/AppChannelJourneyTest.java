package dev.baton.app.channel.app;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import dev.baton.app.webhooks.WebhookSignature;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;
import dev.baton.customers.Customers;
import dev.baton.engine.Stores;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A company's own app as a channel, end to end: its users' messages posted signed to the webhook, Baton's replies
 * posted signed to the app's callback (WireMock on a loopback port), the agent over the console's WebSocket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.channels.app.enabled=true",
        "baton.channels.app.secret=" + AppChannelJourneyTest.SECRET,
        "baton.channels.app.title=Shop app",
        "baton.channels.send-timeout=2s",
        "baton.channels.retry.max-attempts=3",
        "baton.channels.retry.first-backoff=20ms",
        "baton.channels.retry.max-backoff=200ms"})
class AppChannelJourneyTest {

    static final String SECRET = "the-app-and-baton-share-this";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final IntentDatabase FAQ = IntentDatabaseLoader.load(Path.of("../intents"));
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
    Customers customers;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void aQuestionIsAnsweredSignedToTheCallbackWithItsFollowUpsAsChoices() {
        String user = newUser();

        post(message(user, "How much does shipping cost?", null)).expectStatus().isOk()
                .expectBody().jsonPath("$.duplicate").isEqualTo(false);

        JsonNode answer = awaitSent(user, m -> true);
        assertThat(answer.get("text").stringValue()).isIn(FAQ.find("shipping_costs").orElseThrow().answersIn("en"));
        assertThat(answer.get("messageId").asLong()).isPositive();
        assertThat(answer.get("choices").get(0).get("key").stringValue()).matches("\\d+:0");
        LoggedRequest sent = app.findAll(postRequestedFor(urlEqualTo("/baton/replies"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(user)))).get(0);
        assertThat(WebhookSignature.signedAt(sent.getHeader(WebhookSignature.HEADER), SECRET, sent.getBody()))
                .as("signed with the shared secret, just now").hasValueSatisfying(at ->
                        assertThat(Duration.between(at, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1)));
    }

    @Test
    void aUserIsHandedToAnAgentWhoAnswersInTheConsoleAndTheAppGetsItThenPicksAChoiceToRate() {
        ChatSocket alice = sockets.agent(port, "alice", "alice-secret-1");
        alice.await("welcome");
        String user = newUser();

        post(message(user, "I want to talk to a person", null)).expectStatus().isOk();
        String conversationId = conversationOf(user).id();
        assertThat(alice.awaitQueued(conversationId).get("channel").stringValue()).isEqualTo("app");
        // A chat has no banner: the user is told their place once.
        assertThat(awaitSent(user, m -> m.get("text").stringValue().startsWith("You are number")).get("text").stringValue())
                .matches("You are number \\d+ in the queue — about \\d+ min\\..*");
        alice.send(Map.of("type", "accept", "conversationId", conversationId));
        alice.await("conversation", f -> f.get("conversationId").stringValue().equals(conversationId));
        alice.send(Map.of("type", "message", "conversationId", conversationId, "text", "Hi, I'm Alice from the shop.",
                "clientMessageId", "alice-1"));
        awaitSent(user, m -> m.get("text").stringValue().equals("Hi, I'm Alice from the shop."));

        post(message(user, "How much does shipping cost?", null)).expectStatus().isOk();
        alice.awaitMessage("visitor", m -> m.get("text").stringValue().equals("How much does shipping cost?"));
        assertThat(transcript(conversationId)).as("the bot never speaks while Alice has the conversation")
                .filteredOn(m -> m.from() == Sender.BOT)
                .noneMatch(m -> FAQ.find("shipping_costs").orElseThrow().answersIn("en").contains(m.text()));

        alice.send(Map.of("type", "resolve", "conversationId", conversationId));
        JsonNode question = awaitSent(user, m -> m.get("text").stringValue().startsWith("How would you rate"));
        JsonNode fourStars = question.get("choices").get(3);
        post(message(user, fourStars.get("label").stringValue(), fourStars.get("key").stringValue())).expectStatus().isOk();
        assertThat(alice.awaitMessage("system", m -> m.get("text").stringValue().startsWith("Rated")).get("text").stringValue())
                .isEqualTo("Rated 4/5");
    }

    @Test
    void usersTheAppVerifiedWithTheSameEmailAreOneCustomerButAnEmailMerelyTypedLinksNobody() {
        String email = newUser() + "@example.com";
        String before = newUser();
        String now = newUser();
        String typing = newUser();

        post(signedIn(before, "How much does shipping cost?", email)).expectStatus().isOk();
        post(signedIn(now, "Where is my order?", email.toUpperCase(java.util.Locale.ROOT))).expectStatus().isOk();
        post(message(typing, "my email is " + email, null)).expectStatus().isOk();
        conversationOf(typing);

        assertThat(customers.visitorsLinkedTo("app:" + now).collectList().block()).containsExactly("app:" + now, "app:" + before);
        assertThat(customers.visitorsLinkedTo("app:" + typing).collectList().block()).containsExactly("app:" + typing);
        assertThat(customers.history(conversationOf(now)).map(Conversation::visitorId).collectList().block())
                .containsExactly("app:" + before);
        post(signedIn(newUser(), "hi", "not an address")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat(m.toString()).contains("verifiedEmail"));
    }

    @Test
    void aMessagePostedAgainIsHandledOnce() {
        String user = newUser();
        String again = message(user, "How much does shipping cost?", null);

        post(again).expectStatus().isOk().expectBody().jsonPath("$.duplicate").isEqualTo(false);
        post(again).expectStatus().isOk().expectBody().jsonPath("$.duplicate").isEqualTo(true);

        awaitSent(user, m -> true);
        assertThat(transcript(conversationOf(user).id())).extracting(Message::text).containsOnlyOnce("How much does shipping cost?");
    }

    @Test
    void aMessageWithoutTheRightSignatureOrSignedLongAgoIsRefusedAndNeverRead() {
        String user = newUser();
        String body = message(user, "How much does shipping cost?", null);

        postSigned(body, WebhookSignature.sign("not-the-shared-secret", Instant.now().getEpochSecond(), bytes(body)))
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("bad_signature");
        client().post().uri(AppWebhook.PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("bad_signature");
        postSigned(body, WebhookSignature.sign(SECRET, Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond(), bytes(body)))
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("stale_signature");
        // A body changed after it was signed.
        postSigned(body.replace("shipping", "returns"), WebhookSignature.sign(SECRET, Instant.now().getEpochSecond(), bytes(body)))
                .expectStatus().isUnauthorized();

        assertThat(stores.conversations().ofVisitor("app:" + user).collectList().block()).isEmpty();
    }

    @Test
    void payloadsThatCannotBeReadOrNameNothingKnownGetClearErrors() {
        post("{not json").expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("unreadable_payload");
        post("{\"user\":\"u-1\",\"text\":\"hi\"}").expectStatus().isBadRequest().expectBody().jsonPath("$.message")
                .value(m -> assertThat(m.toString()).contains("\"id\""));
        post("{\"id\":\"m-1\",\"user\":\"{bad user}\",\"text\":\"hi\"}").expectStatus().isBadRequest();
        post(message(newUser(), "3", "999:7")).expectStatus().isEqualTo(422).expectBody().jsonPath("$.error").isEqualTo("unknown_choice");
    }

    @Test
    void aReplyTheAppKeepsRefusingIsNotedForAgentsAfterTheRetries() {
        String user = newUser();
        app.stubFor(WireMock.post("/baton/replies").withRequestBody(matchingJsonPath("$.to", equalTo(user))).atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        post(message(user, "How much does shipping cost?", null)).expectStatus().isOk();

        String conversationId = conversationOf(user).id();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(transcript(conversationId))
                .anyMatch(m -> m.from() == Sender.NOTE && m.text().matches("Message \\d+ was not delivered to Shop app: Shop app answered 503")));
        assertThat(sentTo(user)).as("three attempts, then no more").hasSize(3);
    }

    private static String message(String user, String text, String choice) {
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("id", "m-" + UUID.randomUUID());
        message.put("user", user);
        message.put("text", text);
        if (choice != null) {
            message.put("choice", choice);
        }
        return JSON.writeValueAsString(message);
    }

    /** A message of a user the app signed in, with the email address it verified. */
    private static String signedIn(String user, String text, String verifiedEmail) {
        Map<String, Object> message = new java.util.LinkedHashMap<>(JSON.readValue(message(user, text, null), Map.class));
        message.put("verifiedEmail", verifiedEmail);
        return JSON.writeValueAsString(message);
    }

    private WebTestClient.ResponseSpec post(String body) {
        return postSigned(body, WebhookSignature.sign(SECRET, Instant.now().getEpochSecond(), bytes(body)));
    }

    private WebTestClient.ResponseSpec postSigned(String body, String signature) {
        return client().post().uri(AppWebhook.PATH).contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, signature).bodyValue(bytes(body)).exchange();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(PATIENCE).build();
    }

    private Conversation conversationOf(String user) {
        return await().atMost(PATIENCE).until(() -> stores.conversations().ofVisitor("app:" + user).collectList().block(),
                list -> !list.isEmpty()).get(0);
    }

    private List<Message> transcript(String conversationId) {
        return stores.conversations().transcript(conversationId, 0).collectList().block();
    }

    private static List<JsonNode> sentTo(String user) {
        return app.findAll(postRequestedFor(urlEqualTo("/baton/replies")).withRequestBody(matchingJsonPath("$.to", equalTo(user))))
                .stream().map(LoggedRequest::getBodyAsString).map(JSON::readTree).toList();
    }

    private static JsonNode awaitSent(String user, Predicate<JsonNode> matching) {
        return await().atMost(PATIENCE).until(() -> sentTo(user).stream().filter(matching).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static String newUser() {
        return "u-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
