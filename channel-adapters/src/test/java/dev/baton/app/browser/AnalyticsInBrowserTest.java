package dev.baton.app.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.baton.analytics.ConversationOutcome;
import dev.baton.analytics.ConversationOutcomes;
import dev.baton.conversation.HandoffReason;
import dev.baton.satisfaction.SatisfactionRating;
import dev.baton.satisfaction.SatisfactionRatings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The analytics page in a real browser, under its Content-Security-Policy: reached from the supervisor view, it
 * draws a day's figures with ECharts served by Baton itself. Screenshot at 1280×720 in {@code target/screenshots/}.
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
        "baton.teams[1].members=bruno"})
class AnalyticsInBrowserTest {

    private static final LocalDate DATE = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private static final Instant DAY = DATE.atStartOfDay(ZoneOffset.UTC).toInstant();

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    private int port;

    @Autowired
    private ConversationOutcomes outcomes;

    @Autowired
    private SatisfactionRatings ratings;

    private BrowserContext context;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aSupervisorReadsADaysFiguresInCharts() {
        givenADayOfConversations();
        context = chromium.newContext(port);
        Page page = context.newPage();
        page.setViewportSize(1280, 720);
        HeadlessChromium.recordPolicyViolations(page);
        page.onPageError(error -> System.out.printf("[analytics page error] %s%n", error));
        page.navigate("/supervisor.html");
        page.getByLabel("Username").fill("alice");
        page.getByLabel("Password").fill("alice-secret-1");
        page.locator("[data-testid=login-submit]").click();
        page.navigate("/supervisor.html");
        page.locator("[data-testid=analytics-link]").click();
        assertThat(page).hasURL(Pattern.compile("/analytics\\.html"));
        assertThat(page.locator("[data-testid=analytics-status]")).hasAttribute("data-status", "open");

        page.locator("[data-testid=period]").selectOption("day");
        assertThat(page.locator("[data-testid=analytics-status]")).hasAttribute("data-status", "open");
        page.locator("[data-testid=from]").fill(DATE.toString());
        page.locator("[data-testid=from]").dispatchEvent("change");

        assertThat(page.locator("[data-testid=kpi-conversations]")).hasText("12");
        assertThat(page.locator("[data-testid=kpi-containment]")).hasText("50 %");
        assertThat(page.locator("[data-testid=kpi-wait]")).hasText("2 min / 4 min");
        assertThat(page.locator("[data-testid=agent-figures] tbody tr")).hasCount(2);
        // Each team's own figures: the conversations routed to it.
        assertThat(page.locator("[data-testid=team-figures-row]")).hasCount(2);
        assertThat(page.locator("[data-testid=team-figures-row][data-team=support] td").nth(1)).hasText("4");
        assertThat(page.locator("[data-testid=team-figures-row][data-team=billing] td").nth(1)).hasText("2");
        assertThat(page.locator("[data-testid=chart-conversations] canvas")).hasCount(1);
        assertThat(page.locator("[data-testid=chart-csat] canvas")).hasCount(1);
        HeadlessChromium.screenshot(page, "analytics-01-day.png");
        page.locator("[data-testid=team-figures]").scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(page, "analytics-02-teams.png");
        Axe.assertNoSeriousViolations(page, "the analytics page");
        assertEquals(List.of(), HeadlessChromium.policyViolations(page), "Content-Security-Policy violations");
    }

    /**
     * Twelve conversations through the day; six handed to people, five of them resolved by Alice (support) or Bruno
     * (billing), one left the queue of support.
     */
    private void givenADayOfConversations() {
        HandoffReason[] reasons = {HandoffReason.VISITOR_ASKED, HandoffReason.FRUSTRATION, HandoffReason.VISITOR_ASKED,
                HandoffReason.INTENT_REQUIRES_HUMAN, HandoffReason.REPEATED_FAILURE};
        for (int i = 0; i < 12; i++) {
            Instant at = DAY.plus(Duration.ofHours(8 + i));
            String id = "c-" + i;
            outcomes.record(ConversationOutcome.engaged(id, at)).block();
            if (i % 2 == 1 && i < 11) {
                String agent = i < 6 ? "alice" : "bruno";
                outcomes.record(ConversationOutcome.finished(id, at.plus(Duration.ofMinutes(20)), reasons[i / 2], Optional.of(agent),
                        Optional.of(Duration.ofMinutes(i / 2 + 0L)), Optional.of(Duration.ofMinutes(i / 2 + 1L)),
                        Optional.of(Duration.ofMinutes(10L + i))).ofTeam(Optional.of(i < 6 ? "support" : "billing"))).block();
                ratings.rate(new SatisfactionRating(id, agent, 5 - i / 4, Optional.empty(), at.plus(Duration.ofMinutes(25)))).block();
            }
        }
        outcomes.record(ConversationOutcome.finished("c-11", DAY.plus(Duration.ofHours(20)), HandoffReason.VISITOR_ASKED,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()).ofTeam(Optional.of("support"))).block();
    }
}
