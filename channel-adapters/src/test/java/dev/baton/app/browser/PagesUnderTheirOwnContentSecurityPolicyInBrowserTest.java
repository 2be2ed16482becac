package dev.baton.app.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Baton's own pages under the policy Baton sends with them (no inline script or style, our own origin only): each
 * page still does its job — the shop's widget answers, the login signs in, the console connects, the trainer page
 * lists the intents, signing out works, a locked-out sign-in says so — and the browser reports no violation on any of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baton.agents.users[0].username=alice",
        "baton.agents.users[0].name=Alice",
        "baton.agents.users[0].password-hash={noop}alice-secret-1",
        "baton.agents.users[0].roles=AGENT,TRAINER",
})
class PagesUnderTheirOwnContentSecurityPolicyInBrowserTest {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    private int port;

    @Test
    void everyPageWorksUnderItsPolicyWithoutAViolation() {
        try (BrowserContext context = chromium.newContext(port)) {
            Page page = context.newPage();
            page.onConsoleMessage(message -> System.out.printf("[console] %s: %s%n", message.type(), message.text()));
            HeadlessChromium.recordPolicyViolations(page);

            Response shop = page.navigate("/");
            assertTrue(shop.headers().get("content-security-policy").contains("script-src 'self'"), "the shop's policy");
            page.locator("#baton-widget [data-testid=baton-launcher]").click();
            page.locator("#baton-widget [data-testid=baton-input]").fill("how much is shipping");
            page.locator("#baton-widget [data-testid=baton-input]").press("Enter");
            assertThat(page.locator("#baton-widget [data-testid=baton-message][data-from=bot]").last())
                    .containsText("Standard shipping is free");
            noViolationOn(page);

            page.navigate("/console.html");
            assertThat(page).hasURL(Pattern.compile("/login\\.html"));
            noViolationOn(page);
            page.getByLabel("Username").fill("alice");
            page.getByLabel("Password").fill("alice-secret-1");
            page.locator("[data-testid=login-submit]").click();
            assertThat(page).hasURL(Pattern.compile("/console\\.html"));
            assertThat(page.locator("[data-testid=console-connection]")).hasAttribute("data-status", "open");
            noViolationOn(page);
            HeadlessChromium.screenshot(page, "console-under-csp.png");

            page.navigate("/trainer.html");
            assertThat(page.locator("[data-testid=intent-item][data-intent=shipping_costs]")).isVisible();
            noViolationOn(page);

            // Signing out is a form post, which carries the CSRF token (csrf.js) or is refused.
            page.locator("[data-testid=trainer-logout]").click();
            assertThat(page).hasURL(Pattern.compile("/login\\.html\\?logout"));
            page.navigate("/login.html?locked=840");
            assertThat(page.locator("[data-testid=login-locked]")).hasText("Too many failed sign-ins. Try again in 14 minutes.");
            noViolationOn(page);
        }
    }

    private static void noViolationOn(Page page) {
        assertEquals(List.of(), HeadlessChromium.policyViolations(page), "Content-Security-Policy violations on " + page.url());
    }
}
