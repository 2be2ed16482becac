package dev.baton.app.channel.whatsapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.channel.ChannelAddress;
import dev.baton.channel.DeliveryFailedException;
import dev.baton.channel.Reply;
import dev.baton.conversation.QuickReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppCloudApiTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final String MESSAGES = "/" + WhatsAppDeliveries.PHONE_NUMBER_ID + "/messages";
    private static final ChannelAddress CUSTOMER = new ChannelAddress("whatsapp", "16505551234");
    private static final WireMockServer whatsApp = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        whatsApp.start();
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private WhatsAppCloudApi api;

    @BeforeEach
    void cloudApi() {
        whatsApp.resetAll();
        whatsApp.stubFor(post(urlEqualTo(MESSAGES)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.sent\"}]}")));
        WhatsAppSettings settings = new WhatsAppSettings(true, "token", "secret", "verify", WhatsAppDeliveries.PHONE_NUMBER_ID,
                whatsApp.baseUrl(), Duration.ofHours(24));
        api = new WhatsAppCloudApi(settings, Duration.ofSeconds(5), json, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        whatsApp.stop();
    }

    @Test
    void outsideTheCustomerCareWindowASendIsRefusedForGoodWithoutCallingWhatsApp() {
        Reply late = reply("Sorry for the wait!", 0, Optional.of(NOW.minus(Duration.ofHours(24)).minusSeconds(1)));

        StepVerifier.create(api.send(late))
                .verifyErrorMatches(e -> e instanceof DeliveryFailedException refused && !refused.temporary()
                        && refused.getMessage().startsWith("outside WhatsApp's 24-hour customer-care window (the customer last wrote at 2026-12-01T11:59:59Z)"));
        assertThat(whatsApp.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).isEmpty();
    }

    @Test
    void withinTheWindowTextIsSentAsText() {
        StepVerifier.create(api.send(reply("Hello", 0, Optional.of(NOW.minus(Duration.ofHours(23)))))).verifyComplete();

        JsonNode sent = sent();
        assertThat(sent.get("type").stringValue()).isEqualTo("text");
        assertThat(sent.get("to").stringValue()).isEqualTo("16505551234");
        assertThat(sent.get("text").get("body").stringValue()).isEqualTo("Hello");
    }

    @Test
    void upToThreeChoicesAreReplyButtonsWhoseTitlesFitWhatsAppsLimit() {
        StepVerifier.create(api.send(reply("Did you mean?", 3, recently()))).verifyComplete();

        JsonNode buttons = sent().get("interactive").get("action").get("buttons");
        assertThat(buttons).hasSize(3);
        assertThat(buttons.get(0).get("reply").get("id").stringValue()).isEqualTo("7:0");
        assertThat(buttons.get(2).get("reply").get("title").stringValue()).hasSize(20).endsWith("…");
    }

    @Test
    void fourToTenChoicesAreAListAndMoreAreNumberedOptions() {
        StepVerifier.create(api.send(reply("Rate us", 5, recently()))).verifyComplete();
        JsonNode list = sent().get("interactive");
        assertThat(list.get("type").stringValue()).isEqualTo("list");
        assertThat(list.get("action").get("sections").get(0).get("rows")).hasSize(5);

        whatsApp.resetRequests();
        StepVerifier.create(api.send(reply("So many", 11, recently()))).verifyComplete();
        assertThat(sent().get("text").get("body").stringValue()).startsWith("So many\n1. Choice 0\n2. Choice 1");
    }

    @Test
    void whatsAppsRefusalIsToldWithItsOwnWords() {
        whatsApp.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\",\"code\":131047}}")));

        StepVerifier.create(api.send(reply("Hello", 0, recently())))
                .verifyErrorMatches(e -> e instanceof DeliveryFailedException refused && !refused.temporary()
                        && refused.getMessage().equals("WhatsApp answered 400: (#131047) Re-engagement message"));
    }

    private static Optional<Instant> recently() {
        return Optional.of(NOW.minusSeconds(60));
    }

    private static Reply reply(String text, int choices, Optional<Instant> visitorLastWrote) {
        List<QuickReply> options = IntStream.range(0, choices)
                .mapToObj(i -> new QuickReply(i == 2 ? "A rather long choice that will not fit" : "Choice " + i, "intent:x" + i))
                .toList();
        return new Reply(CUSTOMER, 7, text, options, visitorLastWrote);
    }

    private JsonNode sent() {
        return json.readTree(whatsApp.findAll(postRequestedFor(urlEqualTo(MESSAGES))).get(0).getBodyAsString());
    }
}
