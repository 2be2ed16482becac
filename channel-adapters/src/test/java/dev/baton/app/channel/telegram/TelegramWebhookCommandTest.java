package dev.baton.app.channel.telegram;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code telegram-webhook}, the command that registers the webhook, against the Bot API stood in for by WireMock on a
 * loopback port: what it asks Telegram, and how it reports what went wrong.
 */
class TelegramWebhookCommandTest {

    private static final String TOKEN = "110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String SECRET = "a-secret_token-0123";
    private static final String SET_WEBHOOK = "/bot" + TOKEN + "/setWebhook";
    private static final WireMockServer telegram = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        telegram.start();
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void forgetEarlierCalls() {
        telegram.resetAll();
    }

    @AfterAll
    static void stopTelegram() {
        telegram.stop();
    }

    @Test
    void asksTelegramToPostMessagesAndPressedButtonsToThisInstallationsWebhookWithTheSecretToken() {
        telegram.stubFor(post(urlEqualTo(SET_WEBHOOK)).willReturn(okJson("{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}")));

        int status = run("https://baton.example.com/");

        assertThat(status).isZero();
        telegram.verify(1, postRequestedFor(urlEqualTo(SET_WEBHOOK)).withRequestBody(equalToJson("""
                {"url": "https://baton.example.com/channels/telegram/webhook", "secret_token": "%s",
                 "allowed_updates": ["message", "callback_query"]}""".formatted(SECRET))));
        assertThat(printed(out)).contains("Telegram now posts the bot's messages to https://baton.example.com/channels/telegram/webhook");
    }

    @Test
    void aRefusalIsReportedWithTelegramsReasonAndNeverTheToken() {
        telegram.stubFor(post(urlEqualTo(SET_WEBHOOK)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: bad webhook: Failed to resolve host\"}")));

        int status = run("https://baton.example.com");

        assertThat(status).isEqualTo(1);
        assertThat(printed(err)).isEqualTo("Telegram did not set the webhook: Telegram answered 400: Bad Request: bad webhook: Failed to resolve host\n")
                .doesNotContain(TOKEN);
    }

    @Test
    void aTokenTelegramDoesNotKnowIsReportedAsSuch() {
        telegram.stubFor(post(urlEqualTo(SET_WEBHOOK)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));

        assertThat(run("https://baton.example.com")).isEqualTo(1);
        assertThat(printed(err)).contains("Telegram answered 401: Unauthorized").doesNotContain(TOKEN);
    }

    @Test
    void aTelegramThatCannotBeReachedIsReportedAsSuch() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        int status = TelegramWebhookCommand.run(new String[] {"https://baton.example.com"},
                environment("http://127.0.0.1:" + closedPort), stream(out), stream(err));

        assertThat(status).isEqualTo(1);
        assertThat(printed(err)).startsWith("Telegram did not set the webhook: could not reach Telegram");
    }

    @Test
    void anAddressThatIsNotHttpsOrMissingSettingsAreRefusedBeforeAskingTelegram() {
        assertThat(run("http://baton.example.com")).isEqualTo(2);
        assertThat(printed(err)).contains("usage: telegram-webhook https://");

        err.reset();
        int status = TelegramWebhookCommand.run(new String[] {"https://baton.example.com"},
                Map.of("BATON_CHANNELS_TELEGRAM_BOT_TOKEN", TOKEN, "BATON_CHANNELS_TELEGRAM_API_URL", telegram.baseUrl()),
                stream(out), stream(err));
        assertThat(status).isEqualTo(2);
        assertThat(printed(err)).contains("BATON_CHANNELS_TELEGRAM_WEBHOOK_SECRET");

        telegram.verify(0, anyRequestedFor(anyUrl()));
    }

    private int run(String address) {
        return TelegramWebhookCommand.run(new String[] {address}, environment(telegram.baseUrl()), stream(out), stream(err));
    }

    private static Map<String, String> environment(String apiUrl) {
        return Map.of("BATON_CHANNELS_TELEGRAM_BOT_TOKEN", TOKEN, "BATON_CHANNELS_TELEGRAM_WEBHOOK_SECRET", SECRET,
                "BATON_CHANNELS_TELEGRAM_API_URL", apiUrl);
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String printed(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
