package dev.baton.app.browser;

import dev.baton.app.journey.NobodyOnline;
import dev.baton.handoff.Presence;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console as a working agent uses it, by keyboard: timers that turn amber and red, a sound, a desktop
 * notification and the tab's count for newcomers and new messages, shortcuts with their help, a layout that leaves
 * the transcript most of the screen at 1280×720 and 1920×1080 (screenshots in {@code target/screenshots/}), and no
 * serious accessibility violation in the console or the widget (axe-core).
 *
 * <p>The agent's browser gets a sound card and a notification centre that only count (installed before the page's
 * own scripts), and a clock the test moves forward, so no step waits for real minutes to pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.agents.users[0].username=alice",
        "baton.agents.users[0].name=Alice",
        "baton.agents.users[0].password-hash={noop}alice-secret-1",
        "baton.console.timers.amber=2m",
        "baton.console.timers.red=5m",
})
class AgentWorkspaceInBrowserTest {

    /** What the agent's browser would play and show, counted; the agent is looking at another window. */
    private static final String COUNTING_NOTIFICATIONS = """
            window.__tones = 0; window.__notifications = []; window.__permissionRequests = 0;
            class CountingNotification {
              static permission = 'default';
              static requestPermission() { window.__permissionRequests++; CountingNotification.permission = 'granted'; return Promise.resolve('granted'); }
              constructor(title, options) { window.__notifications.push(title + ': ' + options.body); }
              close() {}
            }
            window.Notification = CountingNotification;
            window.AudioContext = class {
              constructor() { this.state = 'running'; this.currentTime = 0; this.destination = {}; }
              resume() { return Promise.resolve(); }
              createOscillator() {
                window.__tones++;
                return { frequency: {}, connect: (next) => next, start() {}, stop() {} };
              }
              createGain() { return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (next) => next }; }
            };
            document.hasFocus = () => false;
            """;

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    private int port;

    @Autowired
    private Presence presence;

    private BrowserContext visitorContext;
    private BrowserContext agentContext;
    private Page visitor;
    private Page agent;

    @BeforeEach
    void openTwoBrowsers() {
        visitorContext = chromium.newContext(port);
        agentContext = chromium.newContext(port);
        visitor = visitorContext.newPage();
        agent = agentContext.newPage();
        // The first page of a freshly started server on a busy machine may take longer than a step's usual wait.
        visitor.setDefaultNavigationTimeout(30_000);
        agent.setDefaultNavigationTimeout(30_000);
        agent.addInitScript(COUNTING_NOTIFICATIONS);
        agent.clock().install();
        agent.onPageError(error -> System.out.printf("[agent page error] %s%n", error));
        visitor.onPageError(error -> System.out.printf("[visitor page error] %s%n", error));
    }

    @AfterEach
    void closeContexts() {
        visitorContext.close();
        agentContext.close();
    }

    @Test
    void anAgentWorksTheQueueByKeyboardWithTimersAndNotifications() {
        signIn();
        agent.locator("[data-testid=console-placeholder]").click(); // the first gesture: the browser asks, once
        agent.waitForFunction("() => window.__permissionRequests === 1");
        Axe.assertNoSeriousViolations(agent, "the console with nobody waiting");

        visitorAsksForAPerson("my parcel 48213 never came");
        Locator queued = agent.locator("[data-testid=queue-item]");
        assertThat(queued).hasCount(1);
        assertThat(agent).hasTitle("(1) Baton console");
        agent.waitForFunction("() => window.__tones > 0");
        agent.waitForFunction("() => window.__notifications.some(n => n.startsWith('New in the queue: '))");

        agent.clock().fastForward("02:05");
        assertThat(queued).hasAttribute("data-level", "amber");
        assertThat(queued.locator("[data-testid=queue-wait]")).hasText(Pattern.compile("^2:0\\d$"));
        agent.clock().fastForward("03:00");
        assertThat(queued).hasAttribute("data-level", "red");
        agent.setViewportSize(1280, 720);
        HeadlessChromium.screenshot(agent, "30-console-queue-red-1280x720.png");
        Axe.assertNoSeriousViolations(agent, "the console with a visitor waiting");

        agent.keyboard().press("Shift+?");
        assertThat(agent.locator("[data-testid=help-dialog]")).isVisible();
        assertThat(agent.locator("[data-testid=shortcuts]")).containsText("Accept the next visitor in the queue");
        HeadlessChromium.screenshot(agent, "31-console-shortcuts-1280x720.png");
        Axe.assertNoSeriousViolations(agent, "the shortcuts' help");
        agent.keyboard().press("Escape");
        assertThat(agent.locator("[data-testid=help-dialog]")).isHidden();

        agent.keyboard().press("Alt+KeyA");
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "WITH_AGENT");
        Locator input = agent.locator("[data-testid=reply-input]");
        assertThat(input).isFocused();
        assertThat(agent.locator("[data-testid=summary-details]")).containsText("Tracking number: 48213");
        Locator mine = agent.locator("[data-testid=mine-item]");
        assertThat(mine.locator("[data-testid=mine-unanswered]")).hasText(Pattern.compile("Unanswered \\d+:\\d{2}"));
        assertThat(mine).hasAttribute("data-level", "red");

        input.pressSequentially("Hi, I'm Alice. Let me look at 48213.");
        input.press("Enter");
        assertThat(visitorWidget("baton-message").last()).containsText("Let me look at 48213.");
        assertThat(mine.locator("[data-testid=mine-unanswered]")).hasText("Answered");
        assertThat(mine).not().hasAttribute("data-level", Pattern.compile(".*"));

        visitorSays("Thanks, it was sent last Monday");
        // The agent's clock runs five minutes ahead of the server's since the test moved it: the new message is "late" at once.
        assertThat(mine.locator("[data-testid=mine-unanswered]")).hasText(Pattern.compile("Unanswered 5:\\d{2}"));
        agent.waitForFunction("() => window.__notifications.includes('New message from a visitor: Thanks, it was sent last Monday')");
        assertThat(mine).hasAttribute("data-level", "red");

        agent.keyboard().press("Alt+KeyN");
        assertThat(agent.locator("[data-testid=reply-form]")).hasAttribute("data-mode", "note");
        assertThat(input).isFocused();
        agent.keyboard().press("Alt+KeyN");
        assertThat(agent.locator("[data-testid=reply-form]")).hasAttribute("data-mode", "reply");
        agent.keyboard().press("Alt+KeyC");
        assertThat(agent.locator("[data-testid=canned-panel]")).isVisible();
        assertThat(agent.locator("[data-testid=canned-filter]")).isFocused();
        agent.keyboard().press("Escape");
        assertThat(agent.locator("[data-testid=canned-panel]")).isHidden();

        thenTheCustomerPanelTellsWhoTheVisitorIs();
        thenTheTranscriptKeepsMostOfTheHeight(1280, 720, "32-console-conversation-1280x720.png");
        Axe.assertNoSeriousViolations(agent, "a conversation at 1280×720");
        thenTheTranscriptKeepsMostOfTheHeight(1920, 1080, "33-console-conversation-1920x1080.png");

        agent.locator("[data-testid=settings-toggle]").click();
        agent.locator("[data-testid=notify-sound]").uncheck();
        agent.locator("[data-testid=notify-title]").uncheck();
        HeadlessChromium.screenshot(agent, "34-console-notification-settings-1920x1080.png");
        Axe.assertNoSeriousViolations(agent, "the notification settings");
        agent.reload();
        assertThat(agent.locator("[data-testid=console-connection]")).hasAttribute("data-status", "open");
        assertThat(agent.locator("[data-testid=notify-sound]")).not().isChecked();
        assertThat(agent.locator("[data-testid=notify-title]")).not().isChecked();
        assertThat(agent.locator("[data-testid=notify-desktop]")).isChecked();

        agent.locator("[data-testid=mine-item] button").focus();
        agent.keyboard().press("Enter");
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "WITH_AGENT");
        agent.keyboard().press("Alt+KeyR");
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "RESOLVED");
        assertThat(mine).hasCount(0);
    }

    @Test
    void theWidgetHasNoSeriousAccessibilityViolation() {
        visitor.navigate("/");
        Axe.assertNoSeriousViolations(visitor, "the shop with the widget closed");
        visitorWidget("baton-launcher").click();
        assertThat(visitorWidget("baton-panel")).hasAttribute("data-connection", "open");
        visitorSays("how much is shipping");
        assertThat(visitorWidget("baton-message").last()).containsText("Standard shipping is free");
        Axe.assertNoSeriousViolations(visitor, "the widget with an answer");
        NobodyOnline.await(presence);
        visitorWidget("baton-talk-to-person").click();
        visitorWidget("baton-leave-message").click();
        assertThat(visitorWidget("baton-leave-form")).isVisible();
        HeadlessChromium.screenshot(visitor, "35-widget-leave-a-message.png");
        Axe.assertNoSeriousViolations(visitor, "the widget's leave-a-message form");
        // Left, the message takes the visitor out of the queue, where the other journey expects only its own visitor.
        visitorWidget("baton-leave-text").fill("Please call me about my order");
        visitorWidget("baton-leave-send").click();
        assertThat(visitorWidget("baton-leave-form")).isHidden();
    }

    /** What the widget's hello told: the shop's page (no referrer: the visitor typed the address), Chrome, a time zone. */
    private void thenTheCustomerPanelTellsWhoTheVisitorIs() {
        assertThat(agent.locator("[data-testid=customer-page]")).hasText(Pattern.compile("^localhost:\\d+/$"));
        assertThat(agent.locator("[data-testid=customer-referrer]")).hasText("Not known");
        assertThat(agent.locator("[data-testid=customer-browser]")).hasText("Chrome");
        assertThat(agent.locator("[data-testid=customer-device]")).hasText("computer, Linux");
        assertThat(agent.locator("[data-testid=customer-time]")).hasText(Pattern.compile("\\d{2}:\\d{2}"));
        assertThat(agent.locator("[data-testid=customer-presence]")).hasText("Yes, the chat is open");
        assertThat(agent.locator("[data-testid=customer-language]")).containsText("English");
    }

    private void thenTheTranscriptKeepsMostOfTheHeight(int width, int height, String screenshot) {
        agent.setViewportSize(width, height);
        BoundingBox transcript = agent.locator("#scroller").boundingBox();
        BoundingBox conversation = agent.locator("[data-testid=conversation]").boundingBox();
        HeadlessChromium.screenshot(agent, screenshot);
        System.out.printf("at %d×%d the transcript has %.0f of the conversation's %.0f px%n", width, height, transcript.height,
                conversation.height);
        assertTrue(transcript.height > conversation.height / 2,
                "at " + width + "×" + height + " the transcript has " + transcript.height + " of " + conversation.height + " px");
    }

    private void signIn() {
        agent.navigate("/console.html");
        agent.getByLabel("Username").fill("alice");
        agent.getByLabel("Password").fill("alice-secret-1");
        agent.locator("[data-testid=login-submit]").click();
        assertThat(agent.locator("[data-testid=console-connection]")).hasAttribute("data-status", "open");
    }

    private void visitorAsksForAPerson(String firstWords) {
        visitor.navigate("/");
        visitorWidget("baton-launcher").click();
        assertThat(visitorWidget("baton-panel")).hasAttribute("data-connection", "open");
        visitorSays(firstWords);
        visitorWidget("baton-talk-to-person").click();
        assertThat(visitorWidget("baton-banner")).isVisible();
    }

    private void visitorSays(String text) {
        visitorWidget("baton-input").fill(text);
        visitorWidget("baton-input").press("Enter");
        assertThat(visitor.locator("#baton-widget [data-testid=baton-message][data-from=visitor]").last()).containsText(text);
    }

    private Locator visitorWidget(String testId) {
        return visitor.locator("#baton-widget [data-testid=" + testId + "]");
    }
}
