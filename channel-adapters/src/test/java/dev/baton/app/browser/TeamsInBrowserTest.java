package dev.baton.app.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.baton.app.journey.ChatSocket;
import dev.baton.app.journey.OpenedSockets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Teams in the pages: an agent's console lists only their team's queue, each entry with its team and the team's own
 * timer thresholds, and offers another team in the transfer dialog; the supervisor view shows every team with its
 * agents and its queue. Screenshots at 1280×720 in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.agents.users[0].username=alice",
        "baton.agents.users[0].name=Alice",
        "baton.agents.users[0].password-hash={noop}alice-secret-1",
        "baton.agents.users[0].roles=AGENT,SUPERVISOR",
        "baton.agents.users[1].username=bruno",
        "baton.agents.users[1].name=Bruno",
        "baton.agents.users[1].password-hash={noop}bruno-secret-1",
        "baton.teams[0].name=support",
        "baton.teams[0].languages=en,it",
        "baton.teams[0].members=alice",
        "baton.teams[1].name=billing",
        "baton.teams[1].languages=en,it",
        "baton.teams[1].members=bruno",
        // Billing's own thresholds, short enough for this test's waits to cross them; support keeps the installation's.
        "baton.teams[1].timers.amber=1s",
        "baton.teams[1].timers.red=2s"})
class TeamsInBrowserTest {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @RegisterExtension
    final OpenedSockets sockets = new OpenedSockets();

    @LocalServerPort
    private int port;

    /** One per agent signed in: a context keeps one session. */
    private final List<BrowserContext> contexts = new java.util.ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
    }

    @Test
    void anAgentWorksTheirTeamsQueueAndTheSupervisorSeesEveryTeamsQueue() {
        String charged = givenAVisitorWaiting("I was charged twice for order 48213");
        String help = givenAVisitorWaiting("I want to talk to a person");

        Page console = signedIn("bruno", "bruno-secret-1", "/console.html");
        assertThat(console.locator("[data-testid=my-teams]")).hasText("· billing");
        Locator queued = console.locator("[data-testid=queue-item]");
        assertThat(queued).hasCount(1);
        assertThat(queued.first()).hasAttribute("data-conversation-id", charged);
        assertThat(queued.first().locator("[data-testid=team]")).hasText("billing");
        assertThat(queued.first()).hasAttribute("data-level", "red");
        Axe.assertNoSeriousViolations(console, "the console with teams");
        HeadlessChromium.screenshot(console, "teams-01-console-queue.png");

        queued.first().locator("button").click();
        console.locator("[data-testid=accept]").click();
        console.locator("[data-testid=transfer]").click();
        Locator to = console.locator("[data-testid=transfer-to]");
        assertThat(to.locator("optgroup[label=Teams] option")).hasText(new String[] {"Team support — to the front of its queue"});
        HeadlessChromium.screenshot(console, "teams-02-transfer-to-a-team.png");
        to.selectOption("team:support");
        console.locator("[data-testid=transfer-note]").fill("Asks about a delivery, not the charge");
        console.locator("[data-testid=transfer-send]").click();
        assertThat(console.locator("[data-testid=mine-item]")).hasCount(0);
        String chargedAgain = givenAVisitorWaiting("I was charged twice for order 50077");

        Page supervisor = signedIn("alice", "alice-secret-1", "/supervisor.html");
        Locator support = supervisor.locator("section.team[data-team=support]");
        assertThat(support.locator("[data-testid=team-waiting-count]")).hasText("2");
        // Transferred, it waits at the front of support's queue.
        assertThat(support.locator("[data-testid=team-waiting-entry]").first()).hasAttribute("data-conversation", charged);
        assertThat(support.locator("[data-testid=team-waiting-entry]").nth(1)).hasAttribute("data-conversation", help);
        Locator billing = supervisor.locator("section.team[data-team=billing]");
        assertThat(billing.locator("[data-testid=team-waiting-count]")).hasText("1");
        assertThat(billing.locator("[data-testid=team-waiting-entry]")).hasAttribute("data-conversation", chargedAgain);
        // Each team's waits go by its own thresholds: billing's 2 s are past, support's installation-wide 5 min are not.
        assertThat(billing.locator("[data-testid=waiting-timer]")).hasClass(Pattern.compile("\\bred\\b"));
        assertThat(support.locator("[data-testid=waiting-timer]").first()).not().hasClass(Pattern.compile("\\b(amber|red)\\b"));
        assertThat(supervisor.locator("section.team[data-team=billing] [data-testid=agent][data-agent=bruno]")).isVisible();
        assertThat(supervisor.locator("[data-testid=waiting-team]")).hasText(new String[] {"support", "support", "billing"});
        assertThat(supervisor.locator("[data-testid=team-meta]").first()).hasText(Pattern.compile("Agents pull · EN, IT"));
        Axe.assertNoSeriousViolations(supervisor, "the supervisor view with teams");
        HeadlessChromium.screenshot(supervisor, "teams-03-supervisor.png");
        assertEquals(List.of(), HeadlessChromium.policyViolations(supervisor), "Content-Security-Policy violations");
    }

    private Page signedIn(String username, String password, String path) {
        BrowserContext context = chromium.newContext(port);
        contexts.add(context);
        Page page = context.newPage();
        page.setViewportSize(1280, 720);
        HeadlessChromium.recordPolicyViolations(page);
        page.navigate("/console.html");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.locator("[data-testid=login-submit]").click();
        assertThat(page.locator("[data-testid=console-connection]")).hasAttribute("data-status", "open");
        if (!path.equals("/console.html")) {
            page.navigate(path);
        }
        return page;
    }

    private String givenAVisitorWaiting(String text) {
        ChatSocket visitor = sockets.visitor(port);
        visitor.send(Map.of("type", "hello", "visitorId", "v-" + UUID.randomUUID().toString().replace("-", ""), "language", "en"));
        String id = visitor.await("welcome").get("conversationId").stringValue();
        visitor.send(Map.of("type", "message", "text", text, "clientMessageId", UUID.randomUUID().toString()));
        visitor.await("state", f -> f.get("state").stringValue().equals("WAITING_FOR_AGENT"));
        return id;
    }
}
