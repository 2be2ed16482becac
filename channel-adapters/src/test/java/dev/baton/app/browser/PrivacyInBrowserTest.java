package dev.baton.app.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.app.journey.ChatSocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor's privacy in the widget, in a real browser: the notice to accept before the first message, downloading
 * everything held about them as a JSON file, and erasing it after a confirmation. Screenshots land in
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.privacy.notice.enabled=true",
        "baton.privacy.notice.version=2026-12",
        "baton.privacy.notice.text.en=We keep this conversation to answer you, for 30 days after it ends.",
        "baton.privacy.notice.link=/privacy-policy"})
class PrivacyInBrowserTest {

    private static final LocatorAssertions.HasAttributeOptions CONNECTED_WITHIN =
            new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    private int port;

    private BrowserContext context;
    private Page visitor;

    @BeforeEach
    void openABrowser() {
        context = chromium.newContext(port);
        // Generous: the machine these run on is shared, and a page load has taken over ten seconds under load.
        context.setDefaultTimeout(30_000);
        context.setDefaultNavigationTimeout(60_000);
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        visitor = context.newPage();
    }

    @AfterEach
    void closeIt() {
        context.close();
    }

    @Test
    void theVisitorAcceptsTheNoticeDownloadsTheirDataAndErasesIt() throws IOException {
        visitor.navigate("/");
        widget("baton-launcher").click();
        assertThat(widget("baton-panel")).hasAttribute("data-connection", "open", CONNECTED_WITHIN);

        assertThat(widget("baton-privacy-text")).hasText("We keep this conversation to answer you, for 30 days after it ends.");
        assertThat(widget("baton-privacy-link")).hasAttribute("href", "/privacy-policy");
        assertThat(widget("baton-composer")).isHidden();
        HeadlessChromium.screenshot(visitor, "30-widget-privacy-notice.png");
        widget("baton-accept-notice").click();
        assertThat(widget("baton-privacy-notice")).isHidden();
        widget("baton-input").fill("how much is shipping");
        widget("baton-input").press("Enter");
        assertThat(messagesFrom("bot").last()).containsText("Standard shipping is free");

        Download download = visitor.waitForDownload(() -> widget("baton-download-data").click());
        String exported = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(download.suggestedFilename()).startsWith("my-data-").endsWith(".json");
        assertThat(exported).contains("\"visitorId\": \"" + visitorId() + "\"", "how much is shipping", "\"noticeVersion\": \"2026-12\"");

        String erasedVisitor = visitorId();
        widget("baton-erase-data").click();
        assertThat(widget("baton-erase-confirm")).isVisible();
        assertThat(widget("baton-erase-cancel")).isFocused();
        HeadlessChromium.screenshot(visitor, "31-widget-erase-confirmation.png");
        widget("baton-erase-yes").click();

        assertThat(widget("baton-banner")).containsText("Your data was erased.");
        assertThat(messagesFrom("visitor")).hasCount(0);
        assertThat(widget("baton-privacy-notice")).isVisible();
        assertThat(visitorId()).isNotEqualTo(erasedVisitor);
        HeadlessChromium.screenshot(visitor, "32-widget-after-erasure.png");
    }

    @Test
    void anAdministratorFindsAVisitorByEmailOnTheAdminPageAndErasesThem() {
        String visitorId = "v-" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (ChatSocket socket = ChatSocket.connect(port, "/ws/visitor")) {
            socket.send(Map.of("type", "hello", "visitorId", visitorId, "language", "en"));
            socket.await("privacy_notice");
            socket.send(Map.of("type", "accept_privacy_notice", "version", "2026-12"));
            socket.await("privacy_notice_accepted");
            socket.send(Map.of("type", "message", "text", "please write to zoe.rossi@example.com about my order"));
            socket.awaitMessage("bot");
        }
        Page admin = context.newPage();
        admin.navigate("/login.html", new Page.NavigateOptions().setTimeout(60_000));
        admin.locator("#username").fill("alice");
        admin.locator("#password").fill("alice-secret-1");
        admin.locator("[data-testid=login-submit]").click();
        admin.waitForURL(url -> url.contains("/console.html"));
        admin.locator("[data-testid=admin-link]").click();
        admin.waitForURL(url -> url.contains("/admin.html"));

        admin.locator("[data-testid=admin-kind]").selectOption("email");
        admin.locator("[data-testid=admin-value]").fill("Zoe.Rossi@example.com");
        admin.locator("[data-testid=admin-export]").click();
        assertThat(admin.locator("[data-testid=admin-summary]")).hasText("1 visitor: 1 conversation, 0 left messages.");
        assertThat(admin.locator("[data-testid=admin-json]")).containsText(visitorId);
        assertThat(admin.locator("[data-testid=admin-erase]")).isDisabled();
        admin.locator("[data-testid=admin-confirm-erase]").check();
        HeadlessChromium.screenshot(admin, "33-admin-visitor-data.png");
        admin.locator("[data-testid=admin-erase]").click();

        assertThat(admin.locator("[data-testid=admin-summary]")).containsText("Erased 1 visitor: 1 conversation (1 closed first)");
        admin.locator("[data-testid=admin-export]").click();
        assertThat(admin.locator("[data-testid=admin-summary]")).hasText("Nobody found.");
    }

    private String visitorId() {
        return (String) visitor.evaluate("() => window.Baton.visitorId");
    }

    private Locator widget(String testId) {
        return visitor.locator("#baton-widget [data-testid=" + testId + "]");
    }

    private Locator messagesFrom(String from) {
        return visitor.locator("#baton-widget [data-testid=baton-message][data-from=" + from + "]");
    }
}
