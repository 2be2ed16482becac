package dev.baton.app.channel.telegram;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
 * A Telegram visitor end to end: updates posted to the webhook as Telegram posts them, the Bot API stood in for by
 * WireMock on a loopback port, the agent over the console's WebSocket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.channels.telegram.enabled=true",
        "baton.channels.telegram.bot-token=" + TelegramJourneyTest.TOKEN,
        "baton.channels.telegram.webhook-secret=" + TelegramJourneyTest.SECRET,
        "baton.channels.send-timeout=2s",
        "baton.channels.retry.max-attempts=3",
        "baton.channels.retry.first-backoff=20ms",
        "baton.channels.retry.max-backoff=200ms"})
class TelegramJourneyTest {

    static final String TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";
    static final String SECRET = "webhook-secret-of-the-tests";
    private static final String SEND_MESSAGE = "/bot" + TOKEN + "/sendMessage";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final IntentDatabase FAQ = IntentDatabaseLoader.load(Path.of("../intents"));
    @RegisterExtension
    static final WireMockExtension telegram = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort()).resetOnEachTest(false).build();

    @BeforeAll
    static void stubTelegram() {
        telegram.stubFor(post(WireMock.urlMatching("/bot.*")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
    }

    @DynamicPropertySource
    static void botApi(DynamicPropertyRegistry registry) {
        registry.add("baton.channels.telegram.api-url", telegram::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    Stores stores;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void aQuestionIsAnsweredByTheBotInTheChatWithItsFollowUpsAsButtons() {
        long chat = newChat();

        webhook(TelegramUpdates.message(chat, "How much does shipping cost?")).expectStatus().isOk();

        JsonNode answer = awaitSent(chat, m -> true);
        assertThat(answer.get("text").stringValue()).isIn(FAQ.find("shipping_costs").orElseThrow().answersIn("en"));
        JsonNode buttons = answer.get("reply_markup").get("inline_keyboard");
        assertThat(buttons.size()).isPositive();
        assertThat(buttons.get(0).get(0).get("callback_data").stringValue()).matches("\\d+:0");
    }

    @Test
    void aVisitorIsHandedToAnAgentWhoAnswersInTheConsoleIsHandedBackAndRatesTheConversation() {
        ChatSocket alice = sockets.agent(port, "alice", "alice-secret-1");
        alice.await("welcome");
        long chat = newChat();

        webhook(TelegramUpdates.message(chat, "I want to talk to a person")).expectStatus().isOk();
        String conversationId = conversationOf(chat).id();
        JsonNode queued = alice.awaitQueued(conversationId);
        assertThat(queued.get("channel").stringValue()).isEqualTo("telegram");
        awaitSent(chat, m -> m.get("text").stringValue().startsWith("I'm passing you to"));

        alice.send(Map.of("type", "accept", "conversationId", conversationId));
        JsonNode opened = alice.await("conversation", f -> f.get("conversationId").stringValue().equals(conversationId));
        assertThat(opened.get("channel").stringValue()).isEqualTo("telegram");
        alice.send(Map.of("type", "message", "conversationId", conversationId, "text", "Hi, I'm Alice. How can I help?",
                "clientMessageId", "alice-1"));
        awaitSent(chat, m -> m.get("text").stringValue().equals("Hi, I'm Alice. How can I help?"));

        webhook(TelegramUpdates.message(chat, "How much does shipping cost?")).expectStatus().isOk();
        alice.awaitMessage("visitor", m -> m.get("text").stringValue().equals("How much does shipping cost?"));
        alice.send(Map.of("type", "hand_back", "conversationId", conversationId));
        awaitSent(chat, m -> m.get("text").stringValue().startsWith("You're back with the bot"));
        assertThat(transcript(conversationId)).as("the bot never spoke while Alice had the conversation")
                .filteredOn(m -> m.from() == dev.baton.conversation.Sender.BOT)
                .noneMatch(m -> FAQ.find("shipping_costs").orElseThrow().answersIn("en").contains(m.text()));

        webhook(TelegramUpdates.message(chat, "I want to talk to a person")).expectStatus().isOk();
        alice.awaitQueued(conversationId);
        alice.send(Map.of("type", "accept", "conversationId", conversationId));
        alice.await("conversation", f -> f.get("conversationId").stringValue().equals(conversationId));
        alice.send(Map.of("type", "resolve", "conversationId", conversationId));
        JsonNode question = awaitSent(chat, m -> m.get("text").stringValue().startsWith("How would you rate"));
        JsonNode fourStars = question.get("reply_markup").get("inline_keyboard").get(3).get(0);
        assertThat(fourStars.get("text").stringValue()).isEqualTo("★★★★");

        webhook(TelegramUpdates.pressed(chat, fourStars.get("callback_data").stringValue())).expectStatus().isOk();
        assertThat(alice.awaitMessage("system", m -> m.get("text").stringValue().startsWith("Rated")).get("text").stringValue())
                .isEqualTo("Rated 4/5");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(telegram.findAll(
                postRequestedFor(urlEqualTo("/bot" + TOKEN + "/answerCallbackQuery")))).isNotEmpty());
    }

    @Test
    void aNumberAnswersTheNumberedChoicesAsTheButtonWould() {
        long chat = newChat();
        webhook(TelegramUpdates.message(chat, "my parrot recites latin poetry")).expectStatus().isOk();
        JsonNode sorry = awaitSent(chat, m -> m.has("reply_markup"));
        assertThat(sorry.get("reply_markup").get("inline_keyboard").get(0).get(0).get("text").stringValue()).isEqualTo("Talk to a person");

        webhook(TelegramUpdates.message(chat, "1")).expectStatus().isOk();

        awaitSent(chat, m -> m.get("text").stringValue().startsWith("I'm passing you to")
                || m.get("text").stringValue().startsWith("I'm passing you to our team"));
    }

    @Test
    void aRedeliveredUpdateIsHandledAndAnsweredOnce() {
        long chat = newChat();
        String update = TelegramUpdates.message(chat, "How much does shipping cost?");

        webhook(update).expectStatus().isOk().expectBody().jsonPath("$.duplicate").isEqualTo(false);
        webhook(update).expectStatus().isOk().expectBody().jsonPath("$.duplicate").isEqualTo(true);

        awaitSent(chat, m -> true);
        List<Message> transcript = transcript(conversationOf(chat).id());
        assertThat(transcript).extracting(Message::text).containsOnlyOnce("How much does shipping cost?");
        assertThat(sentTo(chat)).hasSize(1);
    }

    @Test
    void anUpdateWithoutTheSecretTokenIsRefusedAndNeverRead() {
        long chat = newChat();
        client().post().uri("/channels/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
                .header(TelegramWebhook.SECRET_HEADER, "not-the-secret")
                .bodyValue(TelegramUpdates.message(chat, "How much does shipping cost?"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("bad_secret_token");
        client().post().uri("/channels/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TelegramUpdates.message(chat, "How much does shipping cost?"))
                .exchange()
                .expectStatus().isUnauthorized();

        assertThat(stores.conversations().ofVisitor("telegram:" + chat).collectList().block()).isEmpty();
    }

    @Test
    void payloadsThatCannotBeReadOrNameNothingKnownGetClearErrors() {
        long chat = newChat();
        webhook("{not json").expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("unreadable_payload");
        webhook("{\"message\":{}}").expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("unreadable_payload");
        webhook(TelegramUpdates.pressed(chat, "999:7")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error").isEqualTo("unknown_choice");
        webhook("{\"update_id\":5,\"edited_message\":{}}").expectStatus().isOk().expectBody().jsonPath("$.handled").isEqualTo(false);
    }

    @Test
    void aRateLimitedSendIsRetriedAfterTheTimeTelegramAsksFor() {
        long chat = newChat();
        stubForChat(chat, "limited", aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}"));

        webhook(TelegramUpdates.message(chat, "How much does shipping cost?")).expectStatus().isOk();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sentTo(chat)).hasSize(2));
        assertThat(transcript(conversationOf(chat).id())).noneMatch(m -> m.text().contains("not delivered"));
    }

    @Test
    void aMessageTelegramKeepsFailingIsNotedForAgentsAfterTheRetries() {
        long chat = newChat();
        telegram.stubFor(post(urlEqualTo(SEND_MESSAGE)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chat))))
                .atPriority(1)
                .willReturn(aResponse().withStatus(502).withBody("{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}")));

        webhook(TelegramUpdates.message(chat, "How much does shipping cost?")).expectStatus().isOk();

        String conversationId = conversationOf(chat).id();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(transcript(conversationId))
                .anyMatch(m -> m.from() == dev.baton.conversation.Sender.NOTE
                        && m.text().matches("Message \\d+ was not delivered to Telegram: Telegram answered 502: Bad Gateway")));
        assertThat(sentTo(chat)).as("three attempts, then no more").hasSize(3);
    }

    @Test
    void aSendTelegramDoesNotAnswerInTimeIsRetried() {
        long chat = newChat();
        stubForChat(chat, "slow", aResponse().withFixedDelay(5_000).withBody("{\"ok\":true,\"result\":true}"));

        webhook(TelegramUpdates.message(chat, "How much does shipping cost?")).expectStatus().isOk();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sentTo(chat)).hasSize(2));
    }

    /** The first send to {@code chat} is answered with {@code first}, every later one with success. */
    private void stubForChat(long chat, String scenario, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        String name = scenario + "-" + chat;
        telegram.stubFor(post(urlEqualTo(SEND_MESSAGE)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chat))))
                .atPriority(1).inScenario(name).whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(first).willSetStateTo("answered"));
        telegram.stubFor(post(urlEqualTo(SEND_MESSAGE)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chat))))
                .atPriority(1).inScenario(name).whenScenarioStateIs("answered")
                .willReturn(okJson("{\"ok\":true,\"result\":true}")));
    }

    private WebTestClient.ResponseSpec webhook(String update) {
        return client().post().uri("/channels/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
                .header(TelegramWebhook.SECRET_HEADER, SECRET)
                .bodyValue(update)
                .exchange();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(PATIENCE).build();
    }

    private Conversation conversationOf(long chat) {
        return await().atMost(PATIENCE).until(() -> stores.conversations().ofVisitor("telegram:" + chat).collectList().block(),
                list -> !list.isEmpty()).get(0);
    }

    private List<Message> transcript(String conversationId) {
        return stores.conversations().transcript(conversationId, 0).collectList().block();
    }

    private static List<JsonNode> sentTo(long chat) {
        return telegram.findAll(postRequestedFor(urlEqualTo(SEND_MESSAGE))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chat)))))
                .stream().map(LoggedRequest::getBodyAsString).map(JSON::readTree).toList();
    }

    private static JsonNode awaitSent(long chat, Predicate<JsonNode> matching) {
        return await().atMost(PATIENCE).until(() -> sentTo(chat).stream().filter(matching).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static long newChat() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
    }
}
