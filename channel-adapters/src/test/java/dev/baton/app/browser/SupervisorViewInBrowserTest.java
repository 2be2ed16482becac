package dev.baton.app.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.baton.app.journey.Agents;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The supervisor's live view in a real browser: reached from the console's top bar by a supervisor (and only by
 * one), it shows each agent's status and load, the queue with its waits turning amber then red past the configured
 * thresholds, and takes a conversation over from an agent. Screenshots at 1280×720 in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.agents.users[0].username=alice",
        "baton.agents.users[0].name=Alice",
        "baton.agents.users[0].password-hash={noop}alice-secret-1",
        "baton.agents.users[0].roles=AGENT,SUPERVISOR",
        "baton.agents.users[1].username=bruno",
        "baton.agents.users[1].name=Bruno",
        "baton.agents.users[1].password-hash={noop}bruno-secret-1",
        "baton.agents.users[1].capacity=2",
        // Short thresholds, so that the waits of this test cross them.
        "baton.handoff.wait-amber=1s",
        "baton.handoff.wait-red=3s"})
class SupervisorViewInBrowserTest {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @LocalServerPort
    private int port;

    private BrowserContext context;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aSupervisorWatchesTheTeamAndTheQueueAndTakesAConversationOver() {
        ChatSocket bruno = sockets.agent(port, "bruno", "bruno-secret-1");
        bruno.await("welcome");
        String first = givenAVisitorWaiting("Where is my order 48213?");
        givenAVisitorWaiting("I want a refund");
        bruno.awaitQueued(first);
        bruno.send(Map.of("type", "accept", "conversationId", first));
        bruno.await("conversation", f -> f.get("conversationId").stringValue().equals(first));

        context = chromium.newContext(port);
        Page page = context.newPage();
        page.setViewportSize(1280, 720);
        HeadlessChromium.recordPolicyViolations(page);
        page.navigate("/console.html");
        page.getByLabel("Username").fill("alice");
        page.getByLabel("Password").fill("alice-secret-1");
        page.locator("[data-testid=login-submit]").click();
        assertThat(page.locator("[data-testid=supervisor-link]")).isVisible();
        page.locator("[data-testid=supervisor-link]").click();

        assertThat(page).hasURL(Pattern.compile("/supervisor\\.html"));
        assertThat(page.locator("[data-testid=supervisor-connection]")).hasAttribute("data-status", "open");
        Locator brunoRow = page.locator("[data-testid=agent][data-agent=bruno]");
        assertThat(brunoRow.locator("[data-testid=agent-status]")).hasText("Online");
        assertThat(brunoRow.locator("[data-testid=agent-load]")).hasText("1 / 2");
        assertThat(page.locator("[data-testid=agent][data-agent=alice] [data-testid=agent-status]")).hasText("Offline");
        assertThat(page.locator("[data-testid=waiting-count]")).hasText("1");
        assertThat(page.locator("[data-testid=waiting-timer]")).hasClass(Pattern.compile("\\bred\\b"));
        assertThat(brunoRow.locator("[data-testid=conversation-timer]")).hasClass(Pattern.compile("\\b(amber|red)\\b"));
        HeadlessChromium.screenshot(page, "supervisor-01-live-view.png");
        Axe.assertNoSeriousViolations(page, "the supervisor's live view");

        brunoRow.locator("[data-testid=supervised-conversation][data-conversation=" + first + "] [data-testid=take-over]").click();

        assertThat(page.locator("[data-testid=agent][data-agent=alice] [data-testid=agent-load]")).hasText("1 / 5");
        assertThat(brunoRow.locator("[data-testid=agent-load]")).hasText("0 / 2");
        bruno.await("assigned", f -> !f.get("conversations").findValuesAsString("conversationId").contains(first));
        HeadlessChromium.screenshot(page, "supervisor-02-taken-over.png");
        assertEquals(List.of(), HeadlessChromium.policyViolations(page), "Content-Security-Policy violations");
    }

    @Test
    void anAgentWhoIsNotASupervisorHasNoLinkToTheViewNorTheView() {
        context = chromium.newContext(port);
        Page page = context.newPage();
        page.navigate("/console.html");
        page.getByLabel("Username").fill("bruno");
        page.getByLabel("Password").fill("bruno-secret-1");
        page.locator("[data-testid=login-submit]").click();
        assertThat(page.locator("[data-testid=console-connection]")).hasAttribute("data-status", "open");
        assertThat(page.locator("[data-testid=supervisor-link]")).isHidden();
        assertThat(page.locator("[data-testid=trainer-link]")).isHidden();
        assertEquals(403, page.navigate("/supervisor.html").status());
        assertEquals(403, Agents.handshakeStatus(port, "/ws/supervisor", Agents.login(port, "bruno", "bruno-secret-1")));
    }

    private String givenAVisitorWaiting(String text) {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", "en"));
        String id = visitor.await("welcome").get("conversationId").stringValue();
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message");
        frame.put("text", text + " I want to talk to a person");
        frame.put("clientMessageId", UUID.randomUUID().toString());
        visitor.send(frame);
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        return id;
    }
}
