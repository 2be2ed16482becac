package dev.baton.app.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Out of business hours, in a real browser: the widget's header says when the team is back, the bot keeps answering,
 * and a visitor who asks for a person is told honestly that nobody comes before then and offered to leave a message.
 * The team here works one hour, three days from today, so whenever the test runs it is closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutOfHoursInBrowserTest {

    private static final DayOfWeek OPEN_DAY = LocalDate.now(ZoneOffset.UTC).plusDays(3).getDayOfWeek();
    private static final String OPEN_DAY_NAME = OPEN_DAY.getDisplayName(TextStyle.FULL, Locale.ENGLISH);

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @DynamicPropertySource
    static void hours(DynamicPropertyRegistry registry) {
        registry.add("baton.business-hours.zone", () -> "UTC");
        registry.add("baton.business-hours.weekly." + OPEN_DAY.name().toLowerCase(Locale.ROOT), () -> "09:00-10:00");
    }

    @LocalServerPort
    private int port;

    private BrowserContext context;
    private Page visitor;

    @BeforeEach
    void openABrowser() {
        context = chromium.newContext(port);
        visitor = context.newPage();
    }

    @AfterEach
    void closeIt() {
        context.close();
    }

    @Test
    void theWidgetSaysWhenTheTeamIsBackAndOffersToLeaveAMessageWhileTheBotKeepsAnswering() {
        visitor.navigate("/");
        widget("baton-launcher").click();
        assertThat(widget("baton-panel")).hasAttribute("data-connection", "open",
                new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
        assertThat(widget("baton-connection")).containsText("Our team is back " + OPEN_DAY_NAME);

        widget("baton-input").fill("how much is shipping");
        widget("baton-input").press("Enter");
        assertThat(visitor.locator("#baton-widget [data-testid=baton-message][data-from=bot]").last())
                .containsText("Standard shipping is free on orders over 50 EUR");

        widget("baton-talk-to-person").click();
        assertThat(visitor.locator("#baton-widget [data-testid=baton-message][data-from=bot]").last())
                .containsText("we're closed right now: we're back " + OPEN_DAY_NAME + " 09:00 (UTC)");
        assertThat(widget("baton-no-agents")).containsText("We are closed right now and back " + OPEN_DAY_NAME);
        assertThat(widget("baton-leave-message")).hasText("Leave a message");
        HeadlessChromium.screenshot(visitor, "27-widget-out-of-hours.png");
    }

    private Locator widget(String testId) {
        return visitor.locator("#baton-widget [data-testid=" + testId + "]");
    }
}
