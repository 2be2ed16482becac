package dev.baton.app.channel.whatsapp;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditQuery;
import dev.baton.conversation.Conversation;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One customer on two channels: they write on WhatsApp (the Cloud API stood in for by WireMock on a loopback port),
 * then on the website's widget; the agent links the widget's visitor to the WhatsApp customer by the phone number
 * WhatsApp verified, and from then on sees both conversations in one history and reads each transcript.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.channels.whatsapp.enabled=true",
        "baton.channels.whatsapp.access-token=EAAJB-test-access-token",
        "baton.channels.whatsapp.app-secret=" + OneCustomerAcrossChannelsJourneyTest.APP_SECRET,
        "baton.channels.whatsapp.verify-token=meatyhamhock",
        "baton.channels.whatsapp.phone-number-id=" + WhatsAppDeliveries.PHONE_NUMBER_ID,
        "baton.channels.send-timeout=2s"})
class OneCustomerAcrossChannelsJourneyTest {

    static final String APP_SECRET = "app-secret-of-the-tests";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    static final WireMockExtension whatsApp = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort()).resetOnEachTest(false).build();

    @BeforeAll
    static void stubWhatsApp() {
        whatsApp.stubFor(post(urlEqualTo("/" + WhatsAppDeliveries.PHONE_NUMBER_ID + "/messages")).willReturn(okJson(
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

    @Autowired
    AuditLog audit;

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @Test
    void anAgentLinksTheWidgetVisitorToTheWhatsAppCustomerAndSeesBothConversationsWithTheirTranscripts() {
        String phone = newPhoneNumber();
        String onWhatsApp = givenTheCustomerWroteOnWhatsApp(phone, "My parcel 48213 is lost");
        String onTheWidget = givenTheCustomerAsksForAPersonOnTheWidget();
        ChatSocket bruno = givenAnAgent();

        JsonNode before = open(bruno, onTheWidget);
        assertThat(before.get("history")).as("nothing links the two visitors yet").isEmpty();
        assertThat(before.get("customer").isNull()).isTrue();

        bruno.send(Map.of("type", "link_customer", "conversationId", onTheWidget, "by", "phone", "value", "+" + phone));
        JsonNode linked = bruno.await("customer", f -> f.get("conversationId").stringValue().equals(onTheWidget));

        assertThat(linked.get("customer").get("visitors").findValuesAsString("channel")).containsExactlyInAnyOrder("widget", "whatsapp");
        JsonNode earlier = onlyEntry(linked.get("history"));
        assertThat(earlier.get("conversationId").stringValue()).isEqualTo(onWhatsApp);
        assertThat(earlier.get("channel").stringValue()).isEqualTo("whatsapp");
        assertThat(earlier.get("firstMessage").stringValue()).isEqualTo("My parcel 48213 is lost");

        JsonNode reopened = open(bruno, onTheWidget);
        assertThat(onlyEntry(reopened.get("history")).get("conversationId").stringValue()).isEqualTo(onWhatsApp);
        assertThat(reopened.get("customer").get("customerId").stringValue())
                .isEqualTo(linked.get("customer").get("customerId").stringValue());
        JsonNode whatsAppTranscript = open(bruno, onWhatsApp);
        assertThat(whatsAppTranscript.get("channel").stringValue()).isEqualTo("whatsapp");
        assertThat(texts(whatsAppTranscript.get("transcript"))).contains("My parcel 48213 is lost");

        AuditEntry recorded = audit.find(AuditQuery.latest(50)).filter(e -> e.subject().equals(onTheWidget)
                && e.action().equals("customer_linked")).blockFirst(PATIENCE);
        assertThat(recorded.who()).isEqualTo("bruno");
        assertThat(recorded.detail()).contains("by phone").doesNotContain(phone.substring(phone.length() - 9));
    }

    @Test
    void theVisitorAnAgentLinkedByMistakeIsUnlinkedAndTheOtherChannelsConversationsLeaveItsHistory() {
        String phone = newPhoneNumber();
        givenTheCustomerWroteOnWhatsApp(phone, "Do you ship to Lecco?");
        String onTheWidget = givenTheCustomerAsksForAPersonOnTheWidget();
        ChatSocket bruno = givenAnAgent();
        String widgetVisitor = open(bruno, onTheWidget).get("visitorId").stringValue();
        bruno.send(Map.of("type", "link_customer", "conversationId", onTheWidget, "by", "phone", "value", "+" + phone));
        bruno.await("customer", f -> f.get("history").size() == 1);

        bruno.send(Map.of("type", "unlink_customer", "conversationId", onTheWidget, "visitorId", widgetVisitor));
        JsonNode unlinked = bruno.await("customer", f -> f.get("history").isEmpty());

        assertThat(unlinked.get("customer").isNull()).as("the widget's visitor is linked to nobody now").isTrue();
        assertThat(open(bruno, onTheWidget).get("history")).isEmpty();
    }

    @Test
    void aLinkedCustomerWhoAsksForAPersonAgainHasTheAgentToldOfTheirConversationsOnEveryChannel() {
        String phone = newPhoneNumber();
        String onWhatsApp = givenTheCustomerWroteOnWhatsApp(phone, "Do you ship to Lecco?");
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", "en"));
        String first = visitor.await("welcome").get("conversationId").stringValue();
        askForAPerson(visitor, first);
        ChatSocket bruno = givenAnAgent();
        bruno.send(Map.of("type", "link_customer", "conversationId", first, "by", "phone", "value", "+" + phone));
        bruno.await("customer", f -> f.get("history").size() == 1);
        bruno.awaitQueued(first);
        bruno.send(Map.of("type", "accept", "conversationId", first));
        bruno.await("conversation", f -> f.get("conversationId").stringValue().equals(first));
        bruno.send(Map.of("type", "resolve", "conversationId", first));
        visitor.await("state", f -> f.get("state").stringValue().equals("RESOLVED"));

        visitor.send(Map.of("type", "new_conversation"));
        String second = visitor.await("welcome", f -> !f.get("conversationId").stringValue().equals(first))
                .get("conversationId").stringValue();
        askForAPerson(visitor, second);
        JsonNode opened = open(bruno, second);

        assertThat(opened.get("history").findValuesAsString("conversationId")).containsExactly(onWhatsApp, first);
        assertThat(opened.get("summary").get("previousConversations").asInt())
                .as("the summary counts what the customer panel lists, the WhatsApp conversation too").isEqualTo(2);
    }

    @Test
    void aLinkToAVisitorBatonDoesNotKnowIsRefusedClearly() {
        String onTheWidget = givenTheCustomerAsksForAPersonOnTheWidget();
        ChatSocket bruno = givenAnAgent();

        bruno.send(Map.of("type", "link_customer", "conversationId", onTheWidget, "by", "visitor", "value", "v-nobody-ever-wrote"));
        assertThat(bruno.await("error", f -> f.get("code").stringValue().equals("link_refused")).get("message").stringValue())
                .contains("no conversation of a visitor");
        bruno.send(Map.of("type", "link_customer", "conversationId", onTheWidget, "by", "fax", "value", "0341 123456"));
        assertThat(bruno.await("error", f -> f.get("message").stringValue().contains("fax")).get("code").stringValue())
                .isEqualTo("link_refused");
    }

    /** The customer writes on WhatsApp, which vouches for the number; returns the conversation's id. */
    private String givenTheCustomerWroteOnWhatsApp(String phone, String text) {
        String delivery = WhatsAppDeliveries.text(phone, text);
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(PATIENCE).build()
                .post().uri("/channels/whatsapp/webhook").contentType(MediaType.APPLICATION_JSON)
                .header(WhatsAppWebhook.SIGNATURE_HEADER, WhatsAppDeliveries.signature(delivery, APP_SECRET))
                .bodyValue(delivery).exchange().expectStatus().isOk();
        List<Conversation> conversations = await().atMost(PATIENCE).until(
                () -> stores.conversations().ofVisitor("whatsapp:" + phone).collectList().block(), list -> !list.isEmpty());
        return conversations.get(0).id();
    }

    /** The customer, later, on the website: a new widget visitor who asks for a person; returns the conversation's id. */
    private String givenTheCustomerAsksForAPersonOnTheWidget() {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", "en"));
        String conversationId = visitor.await("welcome").get("conversationId").stringValue();
        askForAPerson(visitor, conversationId);
        return conversationId;
    }

    /** Waits until {@code conversationId} is queued: an earlier conversation's queue updates are state frames too. */
    private static void askForAPerson(ChatSocket visitor, String conversationId) {
        visitor.send(Map.of("type", "message", "text", "I want to talk to a person", "clientMessageId", UUID.randomUUID().toString()));
        visitor.await("state", f -> f.get("conversationId").stringValue().equals(conversationId)
                && f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
    }

    private ChatSocket givenAnAgent() {
        ChatSocket agent = sockets.agent(port, "bruno", "bruno-secret-1");
        agent.await("welcome");
        return agent;
    }

    private static JsonNode open(ChatSocket agent, String conversationId) {
        agent.send(Map.of("type", "open", "conversationId", conversationId));
        return agent.await("conversation", f -> f.get("conversationId").stringValue().equals(conversationId));
    }

    private static JsonNode onlyEntry(JsonNode history) {
        assertThat(history).hasSize(1);
        return history.get(0);
    }

    private static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(m -> texts.add(m.get("text").stringValue()));
        return texts;
    }

    private static String newPhoneNumber() {
        return Long.toString(ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L));
    }
}
