package dev.baton.app.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in Chromium, with the provider on another site than Baton (127.0.0.1 against localhost) and its own
 * sign-in form, so that the browser's SameSite rules apply as they do between a company's directory and its Baton: the
 * way back is a navigation the provider's page began, out of which the SameSite=Strict session cookie is left. And
 * signing out leads on to the provider under the console's Content-Security-Policy. Screenshots land in
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.corp.client-id=baton",
        "spring.security.oauth2.client.registration.corp.client-secret=baton-secret",
        "spring.security.oauth2.client.registration.corp.client-name=Corp Directory",
        "spring.security.oauth2.client.registration.corp.scope=openid,profile",
        "baton.sso.roles.baton-agents=AGENT"})
class SingleSignOnInBrowserTest {

    private static final String ISSUER = "corp";
    private static final MockOAuth2Server PROVIDER = startedOnAnotherSite();

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    private int port;

    private BrowserContext context;
    private Page page;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.corp.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
    }

    @AfterAll
    static void stopTheProvider() {
        PROVIDER.shutdown();
    }

    @BeforeEach
    void openABrowser() {
        context = chromium.newContext(port);
        context.setDefaultTimeout(30_000);
        context.setDefaultNavigationTimeout(60_000);
        page = context.newPage();
    }

    @AfterEach
    void closeIt() {
        context.close();
    }

    @Test
    void anAgentSignsInWithTheCompanysDirectoryAndOutAgain() {
        assertThat(PROVIDER.issuerUrl(ISSUER).host()).as("another site than Baton's").isEqualTo("127.0.0.1");
        page.navigate("/console.html");
        assertThat(page.locator("[data-testid=login-provider]")).hasText("Sign in with Corp Directory");
        Axe.assertNoSeriousViolations(page, "the login page with single sign-on");
        HeadlessChromium.screenshot(page, "40-login-with-single-sign-on.png");

        page.locator("[data-testid=login-provider]").click();
        signInAtTheProvider("dana", "Dana Ortiz", List.of("baton-agents"));

        assertThat(page.locator("[data-testid=console-connection]")).hasAttribute("data-status", "open");
        assertThat(page.locator("[data-testid=console-agent]")).containsText("Dana Ortiz");

        page.locator("[data-testid=console-logout]").click();
        assertThat(page.locator("[data-testid=login-logged-out]")).isVisible();
        page.navigate("/console.html");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\.html$"));
    }

    @Test
    void aUserWithoutAGroupThatGivesARoleIsToldWhy() {
        page.navigate("/login.html");
        page.locator("[data-testid=login-provider]").click();
        signInAtTheProvider("mallory", "Mallory", List.of("marketing"));

        assertThat(page.locator("[data-testid=login-refused]"))
                .hasText("Your account signed in, but none of your groups gives you access to Baton. Ask your administrator to add you to one.");
        Axe.assertNoSeriousViolations(page, "the login page after a refused single sign-on");
        HeadlessChromium.screenshot(page, "41-login-single-sign-on-refused.png");
    }

    /** The provider's own sign-in form: the username, and the claims its token will carry. */
    private void signInAtTheProvider(String username, String name, List<String> groups) {
        assertThat(page).hasURL(java.util.regex.Pattern.compile("^http://127\\.0\\.0\\.1:.*"));
        page.locator("input[name=username]").fill(username);
        page.locator("textarea[name=claims]").fill("{\"preferred_username\": \"" + username + "\", \"name\": \"" + name
                + "\", \"groups\": [" + String.join(", ", groups.stream().map(g -> "\"" + g + "\"").toList()) + "]}");
        page.locator("input[type=submit]").click();
    }

    private static MockOAuth2Server startedOnAnotherSite() {
        MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
        try {
            server.start(InetAddress.getByAddress("127.0.0.1", new byte[]{127, 0, 0, 1}), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return server;
    }
}
