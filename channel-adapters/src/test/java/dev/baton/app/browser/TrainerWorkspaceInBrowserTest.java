package dev.baton.app.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer workspace page in a real browser: a trainer (alice, of the demo profile) finds an intent, sees the
 * loader's problem next to the example she left empty, fixes it, publishes, finds the new version in the list, and a
 * visitor on the widget gets the new answer; an agent who is no trainer (bruno) cannot open the page. Screenshots
 * land in {@code target/screenshots/trainer-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Its own application context: the versions this test publishes change what every test of a shared one hears.
        properties = "baton.trainer-page-test=own-context")
class TrainerWorkspaceInBrowserTest {

    private static final String NEW_EXAMPLE = "what does postage to Riga cost";
    private static final String NEW_ANSWER = "This week shipping is free on every order, whatever its value.";
    private static final String SCRIPT = "<img src=x onerror=\"window.pwned=1\">";
    /** Publishing trains and calibrates a model: seconds on a busy machine. */
    private static final LocatorAssertions.ContainsTextOptions TRAINED_WITHIN =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    private static final String NOT_UNDERSTOOD = "Frobnicate the glimmerwick snorkeldash";
    /** The sandbox trains the draft's model the first time it is asked. */
    private static final LocatorAssertions.HasTextOptions SANDBOX_TRAINED_WITHIN =
            new LocatorAssertions.HasTextOptions().setTimeout(60_000);

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    private int port;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
    }

    @Test
    void aTrainerFixesAnEmptyExamplePublishesAndAVisitorGetsTheNewAnswer() {
        Page trainer = signedIn("alice", "alice-secret-1");
        assertThat(trainer.locator("[data-testid=console-link]")).isVisible(); // alice is an agent too

        whenSearching(trainer, "postage");
        assertThat(trainer.locator("[data-testid=intent-item][data-intent=shipping_costs]")).isVisible();
        trainer.locator("[data-testid=intent-item][data-intent=shipping_costs]").click();
        assertThat(trainer.locator("[data-testid=editor-title]")).hasText("shipping_costs");
        assertThat(trainer.locator("[data-testid=title-input]")).hasValue("Shipping costs");
        assertThat(trainer.locator("[data-testid=follow-ups]")).hasValue("delivery_times, payment_methods");

        trainer.locator("[data-testid=add-example]").click();
        Locator added = trainer.locator("[data-testid=examples-row]").last();
        assertThat(added.locator("input")).isFocused();
        trainer.locator("[data-testid=save-intent]").click();
        assertThat(added.locator("[data-testid=problem-examples]")).isVisible();
        assertThat(added.locator("[data-testid=problem-examples]")).containsText("empty");
        assertThat(added.locator("input")).hasAttribute("aria-invalid", "true");
        assertThat(trainer.locator("[data-testid=draft-bar-problems]")).hasText("1 problem: cannot publish");
        added.scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(trainer, "trainer-01-empty-example.png");

        added.locator("input").fill(NEW_EXAMPLE);
        trainer.locator("[data-testid=answers-input]").first().fill(NEW_ANSWER);
        trainer.locator("[data-testid=save-intent]").click();
        assertThat(trainer.locator("[data-testid=draft-bar]")).containsText("Ready to publish");
        assertThat(added.locator("[data-testid=problem-examples]")).isHidden();
        assertThat(added.locator("input")).hasAttribute("aria-invalid", "false");

        thenPersianIsEditedRightToLeft(trainer);

        trainer.locator("[data-testid=review-draft]").click();
        Locator change = trainer.locator("[data-testid=diff-changed]");
        assertThat(change).containsText("shipping_costs");
        assertThat(change.locator(".added")).containsText(new String[]{NEW_EXAMPLE, NEW_ANSWER});
        trainer.locator("[data-testid=publish-note]").fill("Free shipping week");
        HeadlessChromium.screenshot(trainer, "trainer-02-draft-review.png");
        Axe.assertNoSeriousViolations(trainer, "the trainer's draft review");
        trainer.locator("[data-testid=publish]").click();
        assertThat(trainer.locator("[data-testid=publish-outcome]")).containsText("Published version", TRAINED_WITHIN);
        assertThat(trainer.locator("[data-testid=draft-bar]")).containsText("No draft yet");

        trainer.locator("[data-testid=view-versions]").click();
        Locator newest = trainer.locator("[data-testid=version-row]").first();
        assertThat(newest.locator("[data-testid=version-note]")).hasText("Free shipping week");
        assertThat(newest).containsText("Published");
        assertThat(newest).containsText("alice");
        newest.locator("[data-testid=version-diff]").click();
        assertThat(trainer.locator("[data-testid=diff] .added")).containsText(new String[]{NEW_EXAMPLE, NEW_ANSWER});
        HeadlessChromium.screenshot(trainer, "trainer-03-versions.png");
        Download export = trainer.waitForDownload(() -> newest.locator("[data-testid=version-export]").click());
        assertTrue(export.suggestedFilename().endsWith(".zip"), export.suggestedFilename());

        trainer.locator("[data-testid=view-audit]").click();
        assertThat(trainer.locator("[data-testid=audit-row]").first()).containsText("alice");
        assertThat(trainer.locator("[data-testid=audit-row]").first()).containsText("Free shipping week");
        HeadlessChromium.screenshot(trainer, "trainer-04-audit.png");

        Page visitor = newPage();
        visitor.navigate("/");
        visitor.locator("#baton-widget [data-testid=baton-launcher]").click();
        Locator input = visitor.locator("#baton-widget [data-testid=baton-input]");
        input.fill("how much is shipping");
        input.press("Enter");
        assertThat(visitor.locator("#baton-widget [data-testid=baton-message][data-from=bot]").last()).containsText(NEW_ANSWER);
    }

    @Test
    void aMessageTheBotDidNotUnderstandReachesTheInboxAndTeachesTheDraftWhichTheTrainerTriesAndPublishes() {
        Page visitor = newPage();
        visitor.navigate("/");
        visitor.locator("#baton-widget [data-testid=baton-launcher]").click();
        Locator input = visitor.locator("#baton-widget [data-testid=baton-input]");
        input.fill(NOT_UNDERSTOOD);
        input.press("Enter");
        assertThat(visitor.locator("#baton-widget [data-testid=baton-message][data-from=bot]").last()).isVisible();

        Page trainer = signedIn("alice", "alice-secret-1");
        trainer.setViewportSize(390, 844);
        trainer.locator("[data-testid=view-inbox]").click();
        Locator group = trainer.locator("[data-testid=inbox-group]").filter(new Locator.FilterOptions().setHasText(NOT_UNDERSTOOD));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            trainer.locator("[data-testid=inbox-refresh]").click();
            assertThat(group).isVisible();
        });
        assertThat(group.locator("[data-testid=inbox-text]")).hasText(NOT_UNDERSTOOD);
        assertThat(group.locator("[data-testid=inbox-count]")).hasText("1×");
        assertThat(group).containsText("Not understood");
        HeadlessChromium.screenshot(trainer, "trainer-panels-1-inbox-phone.png");
        Axe.assertNoSeriousViolations(trainer, "the trainer's inbox on a phone");

        group.locator("[data-testid=inbox-intent]").selectOption("shipping_costs");
        group.locator("[data-testid=inbox-add]").click();
        assertThat(group).hasCount(0);
        assertThat(trainer.locator("[data-testid=draft-count]")).hasText("1");

        trainer.setViewportSize(1280, 900);
        trainer.locator("[data-testid=view-draft]").click();
        assertThat(trainer.locator("[data-testid=diff-changed] .added")).containsText(NOT_UNDERSTOOD);
        trainer.locator("[data-testid=sandbox-text]").fill(NOT_UNDERSTOOD);
        trainer.locator("[data-testid=sandbox-text]").press("Enter"); // the keyboard is enough
        assertThat(trainer.locator("[data-testid=sandbox-intent]")).hasText("shipping_costs", SANDBOX_TRAINED_WITHIN);
        assertThat(trainer.locator("[data-testid=sandbox-kind]")).not().isEmpty();
        trainer.locator("[data-testid=sandbox-reply]").scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(trainer, "trainer-panels-2-sandbox.png");

        trainer.locator("[data-testid=publish-note]").fill("Taught from the inbox");
        trainer.locator("[data-testid=publish]").click();
        assertThat(trainer.locator("[data-testid=publish-outcome]")).containsText("Published version", TRAINED_WITHIN);
        assertThat(trainer.locator("[data-testid=draft-bar]")).containsText("No draft yet");
    }

    @Test
    void whatATrainerTypesIsShownAsTextNeverRunAsHtmlOnAPhone() {
        Page trainer = signedIn("alice", "alice-secret-1");
        trainer.setViewportSize(390, 844);
        whenSearching(trainer, "postage");
        trainer.locator("[data-testid=intent-item][data-intent=shipping_costs]").click();
        trainer.locator("[data-testid=title-input]").fill(SCRIPT);
        trainer.locator("[data-testid=add-example]").click();
        trainer.locator("[data-testid=examples-input]").last().fill(SCRIPT);
        trainer.locator("[data-testid=save-intent]").click();
        assertThat(trainer.locator("[data-testid=draft-bar]")).containsText("Ready to publish");

        assertThat(trainer.locator("[data-testid=intent-item][data-intent=shipping_costs]")).containsText(SCRIPT);
        trainer.locator("[data-testid=view-draft]").click();
        assertThat(trainer.locator("[data-testid=diff-changed] .added").first()).containsText(SCRIPT);
        assertThat(trainer.locator("img")).hasCount(0);
        assertNull(trainer.evaluate("window.pwned"));
        HeadlessChromium.screenshot(trainer, "trainer-05-phone-draft.png");

        trainer.onDialog(Dialog::accept);
        trainer.locator("[data-testid=discard]").click();
        assertThat(trainer.locator("[data-testid=publish-outcome]")).hasText("Draft discarded.");
        assertThat(trainer.locator("[data-testid=draft-bar]")).containsText("No draft yet");
    }

    @Test
    void anAgentWhoIsNoTrainerCannotOpenThePage() {
        Page agent = signedIn("bruno", "bruno-secret-1", "/console.html");
        assertThat(agent.locator("[data-testid=console-connection]")).hasAttribute("data-status", "open");
        assertThat(agent.locator("[data-testid=trainer-link]")).isHidden();

        Response refused = agent.navigate("/trainer.html");
        assertEquals(403, refused.status());
        assertThat(agent.locator("[data-testid=editor]")).hasCount(0);
        assertEquals(403, agent.navigate("/trainer.js").status());
    }

    @Test
    void aTrainerWhoIsAnAgentTooFindsTheWorkspaceFromTheConsole() {
        Page agent = signedIn("alice", "alice-secret-1", "/console.html");
        agent.locator("[data-testid=trainer-link]").click();
        assertThat(agent).hasURL(Pattern.compile("/trainer\\.html$"));
        assertThat(agent.locator("[data-testid=intent-item]").first()).isVisible();
    }

    private void whenSearching(Page trainer, String text) {
        trainer.locator("[data-testid=intent-search]").fill(text);
        assertThat(trainer.locator("[data-testid=intent-item]").first()).isVisible();
    }

    private void thenPersianIsEditedRightToLeft(Page trainer) {
        Locator persian = trainer.locator("[data-testid=language-tab][data-language=fa]");
        trainer.locator("[data-testid=language-tab][data-language=lt]").focus();
        trainer.keyboard().press("ArrowRight"); // tabs follow the arrow keys
        assertThat(persian).isFocused();
        assertThat(persian).hasAttribute("aria-selected", "true");
        assertThat(trainer.locator("[data-testid=title-input]")).hasValue("هزینه ارسال");
        assertEquals("rtl", trainer.locator("[data-testid=examples-input]").first().evaluate("e => getComputedStyle(e).direction"));
        HeadlessChromium.screenshot(trainer, "trainer-06-persian.png");
    }

    /** Opens the trainer page signed out, signs in on the login page it leads to, and lands back on it. */
    private Page signedIn(String username, String password) {
        Page page = signedIn(username, password, "/trainer.html");
        assertThat(page.locator("[data-testid=intent-item]").first()).isVisible();
        return page;
    }

    private Page signedIn(String username, String password, String startingAt) {
        Page page = newPage();
        page.navigate(startingAt);
        assertThat(page).hasURL(Pattern.compile("/login\\.html"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.locator("[data-testid=login-submit]").click();
        assertThat(page).hasURL(Pattern.compile(startingAt.replace(".", "\\.") + "$"));
        return page;
    }

    private Page newPage() {
        BrowserContext context = chromium.newContext(port);
        contexts.add(context);
        Page page = context.newPage();
        page.onPageError(error -> System.out.printf("[page error] %s%n", error));
        page.onConsoleMessage(message -> System.out.printf("[console] %s: %s%n", message.type(), message.text()));
        return page;
    }
}
