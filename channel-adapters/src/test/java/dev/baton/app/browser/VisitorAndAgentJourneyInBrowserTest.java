package dev.baton.app.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole journey in a real browser: a visitor on the demo shop gets FAQ answers in two languages, asks for
 * a person, reloads without losing anything; an agent signs in, reads the summary, accepts, chats and hands
 * back to the bot, which answers again. Screenshots of the key steps land in {@code target/screenshots/}.
 *
 * <p>Playwright's CSS selectors pierce the widget's open shadow root, so the widget's {@code data-testid}s are
 * reachable like any element of the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The agent this journey signs in as; {noop} keeps the test free of a hashing step.
        "baton.agents.users[0].username=" + VisitorAndAgentJourneyInBrowserTest.AGENT_USERNAME,
        "baton.agents.users[0].name=Alice",
        "baton.agents.users[0].password-hash={noop}" + VisitorAndAgentJourneyInBrowserTest.AGENT_PASSWORD,
})
class VisitorAndAgentJourneyInBrowserTest {

    static final String AGENT_USERNAME = "alice";
    static final String AGENT_PASSWORD = "alice-secret-1";

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String PERSIAN = "سلام، سفارش من هنوز نرسیده است";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    private int port;

    private BrowserContext visitorContext;
    private BrowserContext agentContext;
    private Page visitor;
    private Page agent;

    @BeforeAll
    static void launchBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "needs Debian's chromium at " + CHROMIUM);
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    @AfterAll
    static void closeBrowser() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (playwright != null) {
                playwright.close();
            }
        }
    }

    @BeforeEach
    void openTwoBrowsers() {
        visitorContext = newContext();
        agentContext = newContext();
        visitor = visitorContext.newPage();
        agent = agentContext.newPage();
    }

    @AfterEach
    void closeContexts() {
        if (visitorContext != null) {
            visitorContext.close();
        }
        if (agentContext != null) {
            agentContext.close();
        }
    }

    @Test
    void visitorGetsAnswersAPersonAndTheBotAgain() {
        givenTheAgentIsSignedIn();
        givenTheVisitorOpensTheWidgetOnTheShop();

        whenTheVisitorAsks("how much is shipping");
        thenTheBotAnswers("Standard shipping is free on orders over 50 EUR");
        screenshot(visitor, "01-widget-answers.png");

        whenTheVisitorAsks("quanto costa la spedizione?");
        thenTheBotAnswers("La spedizione standard è gratuita per ordini sopra i 50 EUR");

        whenTheVisitorClicksTheQuickReply("Tempi di consegna");
        thenTheBotAnswers("Gli ordini effettuati entro le 14:00 CET");

        whenTheVisitorAsksForAPerson();
        thenTheVisitorSeesTheQueuePosition("You are number 1 in the queue");
        screenshot(visitor, "02-queue-banner.png");

        whenTheVisitorReloadsThePage();
        thenTheVisitorStillSeesTheWholeConversation(4);
        thenTheVisitorSeesTheQueuePosition("You are number 1 in the queue");

        thenTheAgentSeesTheConversationWaitingWithItsSummary();
        whenTheAgentOpensAndAcceptsIt();
        thenTheAgentSeesSummaryAndTranscript("how much is shipping");
        screenshot(agent, "03-agent-console-summary.png");

        thenTheVisitorSeesTheyAreChattingWith("Alice");
        whenTheAgentStartsTyping();
        thenTheVisitorSeesTheAgentTyping();
        whenTheAgentReplies("Hi, I'm Alice. Let me check your delivery.");
        thenTheVisitorSeesTheAgentMessage("Alice", "Let me check your delivery.");
        whenTheVisitorAsks("Thanks! Order 48213 has not arrived yet.");
        thenTheAgentSeesTheVisitorMessage("Order 48213 has not arrived yet.");

        whenTheVisitorAsks(PERSIAN);
        thenTheMessageRendersRightToLeftForBoth(PERSIAN);
        screenshot(visitor, "04-chat-with-agent.png");
        screenshot(agent, "05-agent-console-chat.png");

        whenTheAgentHandsBackToTheBot();
        thenTheVisitorIsBackWithTheBot();
        whenTheVisitorAsks("how long does delivery take");
        thenTheBotAnswers("Orders placed before 14:00 CET");
        screenshot(visitor, "06-back-to-the-bot.png");
    }

    @Test
    void wrongPasswordShowsAnErrorOnTheLoginPage() {
        agent.navigate("/login.html");
        agent.getByLabel("Username").fill(AGENT_USERNAME);
        agent.getByLabel("Password").fill("not-the-password");
        agent.locator("[data-testid=login-submit]").click();

        assertThat(agent).hasURL(Pattern.compile("/login\\.html\\?error"));
        assertThat(agent.locator("[data-testid=login-error]")).isVisible();
        assertThat(agent.locator("[data-testid=login-error]")).hasText("Wrong username or password.");
        screenshot(agent, "07-login-error.png");
    }

    // ---------------------------------------------------------------- the visitor

    private void givenTheVisitorOpensTheWidgetOnTheShop() {
        visitor.navigate("/");
        assertThat(visitor).hasTitle("Baton Demo Shop");
        widget("baton-launcher").click();
        assertThat(widget("baton-panel")).isVisible();
        assertThat(widget("baton-panel")).hasAttribute("data-connection", "open");
    }

    private void whenTheVisitorAsks(String text) {
        widget("baton-input").fill(text);
        widget("baton-input").press("Enter");
        assertThat(visitorMessages().last()).containsText(text);
    }

    private void whenTheVisitorClicksTheQuickReply(String label) {
        widget("baton-quick-reply").filter(new Locator.FilterOptions().setHasText(label)).click();
        assertThat(visitorMessages().last()).hasAttribute("data-id", Pattern.compile("\\d+"));
        assertThat(visitorMessages().last()).containsText(label);
    }

    private void whenTheVisitorAsksForAPerson() {
        widget("baton-talk-to-person").click();
    }

    private void whenTheVisitorReloadsThePage() {
        visitor.reload();
        // The panel was open before the reload, so it opens again by itself.
        assertThat(widget("baton-panel")).isVisible();
        assertThat(widget("baton-panel")).hasAttribute("data-connection", "open");
    }

    private void thenTheBotAnswers(String answer) {
        assertThat(widgetMessagesFrom("bot").last()).containsText(answer);
    }

    private void thenTheVisitorSeesTheQueuePosition(String text) {
        assertThat(widget("baton-queue-position")).containsText(text);
        assertThat(widget("baton-queue-position")).containsText(Pattern.compile("about \\d+ min"));
        assertThat(widget("baton-leave-message")).isVisible();
        assertThat(widget("baton-stop-waiting")).isVisible();
    }

    private void thenTheVisitorStillSeesTheWholeConversation(int visitorMessages) {
        assertThat(visitorMessages()).hasCount(visitorMessages);
        assertThat(visitorMessages().first()).containsText("how much is shipping");
        assertThat(widgetMessagesFrom("bot").first()).containsText("Standard shipping is free on orders over 50 EUR");
    }

    private void thenTheVisitorSeesTheyAreChattingWith(String agentName) {
        assertThat(widget("baton-with-agent")).hasText("You are chatting with " + agentName);
        assertThat(widget("baton-panel")).hasAttribute("data-state", "WITH_AGENT");
    }

    private void thenTheVisitorSeesTheAgentTyping() {
        assertThat(widget("baton-typing")).isVisible();
        assertThat(widget("baton-typing")).containsText("Alice is typing");
    }

    private void thenTheVisitorSeesTheAgentMessage(String agentName, String text) {
        Locator last = widgetMessagesFrom("agent").last();
        assertThat(last).containsText(text);
        assertThat(last.locator("[data-testid=baton-sender]")).hasText(agentName);
    }

    private void thenTheVisitorIsBackWithTheBot() {
        assertThat(widget("baton-panel")).hasAttribute("data-state", "BOT");
        assertThat(widget("baton-with-agent")).hasCount(0);
        assertThat(widget("baton-talk-to-person")).isVisible();
    }

    private Locator widget(String testId) {
        return visitor.locator("#baton-widget [data-testid=" + testId + "]");
    }

    private Locator widgetMessagesFrom(String from) {
        return visitor.locator("#baton-widget [data-testid=baton-message][data-from=" + from + "]");
    }

    private Locator visitorMessages() {
        return widgetMessagesFrom("visitor");
    }

    // ---------------------------------------------------------------- the agent

    private void givenTheAgentIsSignedIn() {
        agent.navigate("/console.html");
        assertThat(agent).hasURL(Pattern.compile("/login\\.html"));
        agent.getByLabel("Username").fill(AGENT_USERNAME);
        agent.getByLabel("Password").fill(AGENT_PASSWORD);
        agent.locator("[data-testid=login-submit]").click();
        assertThat(agent).hasURL(Pattern.compile("/console\\.html"));
        assertThat(agent.locator("[data-testid=console-connection]")).hasAttribute("data-status", "open");
        assertThat(agent.locator("[data-testid=console-agent]")).containsText("Alice");
    }

    private void thenTheAgentSeesTheConversationWaitingWithItsSummary() {
        Locator item = agent.locator("[data-testid=queue-item]");
        assertThat(item).hasCount(1);
        assertThat(item.locator("[data-testid=reason]")).hasText("Asked for a person");
        assertThat(item.locator("[data-testid=queue-wants]")).not().isEmpty();
        assertThat(item.locator("[data-testid=queue-wait]")).hasText(Pattern.compile("\\d+:\\d{2}"));
    }

    private void whenTheAgentOpensAndAcceptsIt() {
        agent.locator("[data-testid=queue-item]").first().click();
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "WAITING_FOR_AGENT");
        agent.locator("[data-testid=accept]").click();
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "WITH_AGENT");
        assertThat(agent.locator("[data-testid=mine-item]")).hasCount(1);
        assertThat(agent.locator("[data-testid=queue-item]")).hasCount(0);
        assertThat(agent.locator("[data-testid=reply-input]")).isEnabled();
    }

    private void thenTheAgentSeesSummaryAndTranscript(String firstQuestion) {
        assertThat(agent.locator("[data-testid=summary-wants]")).not().isEmpty();
        assertThat(agent.locator("[data-testid=summary-reason]")).hasText("Asked for a person");
        assertThat(agent.locator("[data-testid=summary-language]")).not().isEmpty();
        assertThat(agent.locator("[data-testid=summary-mood]")).not().isEmpty();
        assertThat(transcriptFrom("visitor").first()).containsText(firstQuestion);
        assertThat(transcriptFrom("bot").first()).containsText("Standard shipping is free");
    }

    private void whenTheAgentStartsTyping() {
        agent.locator("[data-testid=reply-input]").pressSequentially("Hi");
    }

    private void whenTheAgentReplies(String text) {
        Locator input = agent.locator("[data-testid=reply-input]");
        input.fill(text);
        input.press("Enter");
        assertThat(input).hasValue("");
        assertThat(transcriptFrom("agent").last()).containsText(text);
    }

    private void thenTheAgentSeesTheVisitorMessage(String text) {
        assertThat(transcriptFrom("visitor").last()).containsText(text);
    }

    private void whenTheAgentHandsBackToTheBot() {
        agent.locator("[data-testid=hand-back]").click();
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "BOT");
        assertThat(agent.locator("[data-testid=mine-item]")).hasCount(0);
    }

    private Locator transcriptFrom(String from) {
        return agent.locator("[data-testid=transcript-message][data-from=" + from + "]");
    }

    // ---------------------------------------------------------------- both

    private void thenTheMessageRendersRightToLeftForBoth(String text) {
        Locator inWidget = visitorMessages().last().locator("[data-testid=baton-bubble]");
        assertThat(inWidget).hasText(text);
        assertEquals("rtl", inWidget.evaluate("e => getComputedStyle(e).direction"), "the widget's bubble");

        Locator inConsole = transcriptFrom("visitor").last().locator("[data-testid=transcript-text]");
        assertThat(inConsole).hasText(text);
        assertEquals("rtl", inConsole.evaluate("e => getComputedStyle(e).direction"), "the console's transcript line");
    }

    private BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale("en-US")
                .setViewportSize(1280, 800));
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }
}
