package dev.baton.app.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.baton.app.journey.Agents;
import dev.baton.audit.Actor;
import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditLog;
import dev.baton.audit.StaffAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The administrators' audit log page in Chromium: filtered by who, by action and by period, a page at a time, under the
 * page's own Content-Security-Policy and axe. Screenshots land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogInBrowserTest {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    private int port;

    @Autowired
    private AuditLog audit;

    private BrowserContext context;
    private Page admin;

    @BeforeEach
    void signInAnAdministrator() {
        context = chromium.newContext(port);
        context.setDefaultTimeout(30_000);
        context.setDefaultNavigationTimeout(60_000);
        admin = context.newPage();
        admin.navigate("/login.html");
        admin.locator("#username").fill("alice");
        admin.locator("#password").fill("alice-secret-1");
        admin.locator("[data-testid=login-submit]").click();
        admin.waitForURL(url -> url.contains("/console.html"));
    }

    @AfterEach
    void closeIt() {
        context.close();
    }

    @Test
    void anAdministratorReadsWhoSignedInAndOutFromTheConsole() {
        Agents.logout(port, Agents.login(port, "bruno", "bruno-secret-1"));

        admin.locator("[data-testid=audit-link]").click();
        admin.waitForURL(url -> url.contains("/audit.html"));
        admin.locator("[data-testid=audit-actor]").fill("bruno");
        admin.locator("[data-testid=audit-show]").click();

        assertThat(admin.locator("[data-testid=audit-entry]").first().locator("code")).hasText("logged_out");
        assertThat(admin.locator("[data-testid=audit-entry]").nth(1).locator("code")).hasText("login_succeeded");
        Axe.assertNoSeriousViolations(admin, "the audit log page");
        HeadlessChromium.screenshot(admin, "42-audit-log.png");

        admin.locator("[data-testid=audit-action]").selectOption("logged_out");
        admin.locator("[data-testid=audit-show]").click();
        assertThat(admin.locator("[data-testid=audit-entry]").first().locator("code")).hasText("logged_out");
        assertThat(admin.locator("[data-testid=audit-entry]").locator("code", new com.microsoft.playwright.Locator.LocatorOptions()
                .setHasText("login_succeeded"))).hasCount(0);
    }

    @Test
    void entriesComeAPageAtATimeWithinThePeriodChosen() {
        String agent = "carla-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        for (int i = 0; i < 60; i++) {
            audit.record(new AuditEntry(start.plusSeconds(i), new Actor(agent, "192.0.2.7"), StaffAction.ACCEPTED,
                    "conversation-" + i, "accepted from the queue")).block(Duration.ofSeconds(10));
        }
        admin.navigate("/audit.html");

        admin.locator("[data-testid=audit-actor]").fill(agent);
        admin.locator("[data-testid=audit-show]").click();
        assertThat(admin.locator("[data-testid=audit-status]")).hasText("Page 1: entries 1–50");
        assertThat(admin.locator("[data-testid=audit-entry]")).hasCount(50);
        assertThat(admin.locator("[data-testid=audit-entry]").first()).containsText("conversation-59");
        assertThat(admin.locator("[data-testid=audit-newer]")).isDisabled();

        admin.locator("[data-testid=audit-older]").click();
        assertThat(admin.locator("[data-testid=audit-status]")).hasText("Page 2: entries 51–60");
        assertThat(admin.locator("[data-testid=audit-entry]")).hasCount(10);
        assertThat(admin.locator("[data-testid=audit-entry]").last()).containsText("conversation-0");
        assertThat(admin.locator("[data-testid=audit-older]")).isDisabled();
        HeadlessChromium.screenshot(admin, "43-audit-log-second-page.png");

        admin.locator("[data-testid=audit-since]").fill(local(start.plusSeconds(10)));
        admin.locator("[data-testid=audit-until]").fill(local(start.plusSeconds(20)));
        admin.locator("[data-testid=audit-show]").click();
        assertThat(admin.locator("[data-testid=audit-status]")).hasText("Page 1: entries 1–10");
        assertThat(admin.locator("[data-testid=audit-entry]").first()).containsText("conversation-19");
        assertThat(admin.locator("[data-testid=audit-entry]").last()).containsText("conversation-10");
    }

    /**
     * As a datetime-local field holds it, in the browser's zone (the test's, on the same machine): without seconds on
     * a whole minute, which is how Chromium gives the value back (Playwright refuses a fill that reads back otherwise:
     * "Malformed value", one run in thirty).
     */
    private static String local(Instant instant) {
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
        return time.format(DateTimeFormatter.ofPattern(time.getSecond() == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss"));
    }
}
