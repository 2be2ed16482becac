package dev.baton.app.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.MessageDraft;
import dev.baton.engine.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An agent in the console links the widget's visitor to the same customer on WhatsApp, reads the WhatsApp conversation
 * from the history, and unlinks again (screenshot in {@code target/screenshots/}; no serious accessibility violation).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.agents.users[0].username=bruno",
        "baton.agents.users[0].name=Bruno",
        "baton.agents.users[0].password-hash={noop}bruno-secret-1",
})
class CustomerAcrossChannelsInBrowserTest {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    private int port;

    @Autowired
    private Stores stores;

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
        visitor.setDefaultNavigationTimeout(30_000);
        agent.setDefaultNavigationTimeout(30_000);
        agent.onPageError(error -> System.out.printf("[agent page error] %s%n", error));
    }

    @AfterEach
    void closeContexts() {
        visitorContext.close();
        agentContext.close();
    }

    @Test
    void anAgentLinksTheVisitorToTheirWhatsAppSelfReadsThatConversationAndUnlinksAgain() {
        String onWhatsApp = "whatsapp:39347" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        givenAnEarlierWhatsAppConversation(onWhatsApp, "Is my order 48213 shipped?");
        signIn();
        visitorAsksForAPerson("my parcel 48213 never came");
        agent.keyboard().press("Alt+KeyA");
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "WITH_AGENT");
        assertThat(agent.locator("[data-testid=customer-linked]")).containsText("Not linked to another channel");
        assertThat(agent.locator("[data-testid=history]")).isHidden();

        agent.locator("[data-testid=link-by]").selectOption("visitor");
        agent.locator("[data-testid=link-value]").fill(onWhatsApp);
        agent.locator("[data-testid=link-submit]").click();

        Locator linked = agent.locator("[data-testid=linked-visitor]");
        assertThat(linked).hasCount(2);
        assertThat(linked.filter(new Locator.FilterOptions().setHasText(onWhatsApp)).locator("[data-testid=channel]")).hasText("WhatsApp");
        Locator earlier = agent.locator("[data-testid=history-item]");
        assertThat(earlier).hasCount(1);
        assertThat(earlier.locator("[data-testid=channel]")).hasText("WhatsApp");
        assertThat(earlier.locator("[data-testid=history-first]")).hasText("Is my order 48213 shipped?");
        agent.setViewportSize(1280, 720);
        agent.locator("[data-testid=context]").evaluate("context => context.scrollTop = context.scrollHeight");
        HeadlessChromium.screenshot(agent, "36-console-customer-linked-1280x720.png");
        Axe.assertNoSeriousViolations(agent, "a conversation whose customer is linked to WhatsApp");

        earlier.click();
        assertThat(agent.locator("[data-testid=history-viewing]")).isVisible();
        assertThat(agent.locator("#transcript")).containsText("Is my order 48213 shipped?");
        agent.locator("[data-testid=history-back]").click();
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "WITH_AGENT");

        linked.filter(new Locator.FilterOptions().setHasText("(this conversation)")).locator("[data-testid=unlink]").click();
        assertThat(agent.locator("[data-testid=customer-linked]")).containsText("Not linked to another channel");
        assertThat(agent.locator("[data-testid=history]")).isHidden();
        agent.keyboard().press("Alt+KeyR");
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "RESOLVED");
    }

    private void givenAnEarlierWhatsAppConversation(String visitorId, String text) {
        Conversation earlier = stores.conversations().create(Conversation.start("c-wa-" + visitorId.substring(9), visitorId,
                Optional.of("en"), Instant.now().minusSeconds(3_600))).block();
        stores.conversations().append(earlier.id(), MessageDraft.fromVisitor(text, Optional.empty())).block();
    }

    private void signIn() {
        agent.navigate("/console.html");
        agent.getByLabel("Username").fill("bruno");
        agent.getByLabel("Password").fill("bruno-secret-1");
        agent.locator("[data-testid=login-submit]").click();
        assertThat(agent.locator("[data-testid=console-connection]")).hasAttribute("data-status", "open");
    }

    private void visitorAsksForAPerson(String firstWords) {
        visitor.navigate("/");
        widget("baton-launcher").click();
        assertThat(widget("baton-panel")).hasAttribute("data-connection", "open");
        widget("baton-input").fill(firstWords);
        widget("baton-input").press("Enter");
        widget("baton-talk-to-person").click();
        assertThat(widget("baton-banner")).isVisible();
        assertThat(agent.locator("[data-testid=queue-item]")).hasCount(1);
    }

    private Locator widget(String testId) {
        return visitor.locator("#baton-widget [data-testid=" + testId + "]");
    }
}
