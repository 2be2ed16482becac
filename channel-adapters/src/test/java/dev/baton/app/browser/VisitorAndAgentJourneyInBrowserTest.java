package dev.baton.app.browser;

import dev.baton.app.journey.NobodyOnline;
import dev.baton.handoff.Presence;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        // A colleague to transfer to, signed in only by the transfer journey.
        "baton.agents.users[1].username=bruno",
        "baton.agents.users[1].name=Bruno",
        "baton.agents.users[1].password-hash={noop}bruno-secret-1",
        "baton.agents.users[1].capacity=2",
})
class VisitorAndAgentJourneyInBrowserTest {

    static final String AGENT_USERNAME = "alice";
    static final String AGENT_PASSWORD = "alice-secret-1";

    private static final LocatorAssertions.HasAttributeOptions CONNECTED_WITHIN =
            new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);
    private static final String PERSIAN = "سلام، سفارش من هنوز نرسیده است";
    private static final String LAST_WORDS = "All sorted: you will get an email today.";

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    private int port;

    @Autowired
    private Presence presence;

    private BrowserContext visitorContext;
    private BrowserContext agentContext;
    private Page visitor;
    private Page agent;

    @BeforeEach
    void openTwoBrowsers() {
        visitorContext = newContext();
        agentContext = newContext();
        visitor = visitorContext.newPage();
        agent = agentContext.newPage();
        echoBrowserProblems("visitor", visitor);
        echoBrowserProblems("agent", agent);
    }

    /** What the pages log lands in the test's output, which is where a failing step is explained. */
    private static void echoBrowserProblems(String who, Page page) {
        page.onConsoleMessage(message -> System.out.printf("[%s console] %s: %s%n", who, message.type(), message.text()));
        page.onPageError(error -> System.out.printf("[%s page error] %s%n", who, error));
        page.onRequestFailed(request -> System.out.printf("[%s request failed] %s %s%n", who, request.url(), request.failure()));
        page.onWebSocket(socket -> {
            System.out.printf("[%s socket] %s%n", who, socket.url());
            socket.onFrameSent(frame -> System.out.printf("[%s →] %s%n", who, frame.text()));
            socket.onFrameReceived(frame -> System.out.printf("[%s ←] %s%n", who, frame.text()));
            socket.onSocketError(error -> System.out.printf("[%s socket error] %s%n", who, error));
            socket.onClose(closed -> System.out.printf("[%s socket closed] %s%n", who, closed.url()));
        });
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

        thenTheAgentSeesTheConversationWaitingInTheQueue();
        whenTheAgentOpensIt();
        thenTheAgentSeesSummaryAndTranscript("how much is shipping");
        screenshot(agent, "03-agent-console-summary.png");
        whenTheAgentUnfoldsWhyTheBotWrote(transcriptFrom("bot").first());
        thenTheAgentReadsTheDecision(transcriptFrom("bot").first(), "Answered", "shipping_costs", "shipping_costs is confident");
        screenshot(agent, "17-agent-console-why-the-bot-answered.png");
        whenTheAgentUnfoldsWhyTheBotWrote(transcriptFrom("bot").last());
        thenTheAgentReadsTheDecision(transcriptFrom("bot").last(), "Handed off", null, "the visitor asked for a person");
        thenTheVisitorNeverSeesWhyTheBotWroteAnything();
        whenTheAgentAcceptsIt();

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

        whenTheVisitorAsksForAPerson();
        thenTheVisitorSeesTheQueuePosition("You are number 1 in the queue");
        whenTheAgentAcceptsIt();
        whenTheAgentResolvesIt();
        thenTheVisitorSeesTheConversationHasEnded();
        screenshot(visitor, "07-conversation-ended.png");
        whenTheVisitorStartsANewConversation();
        thenTheVisitorHasAFreshConversationWithTheBot();
    }

    @Test
    void anAgentStartsFromASuggestedAnswerUsesCannedResponsesAndLeavesANoteTheVisitorNeverSees() {
        givenTheAgentIsSignedIn();
        givenTheVisitorOpensTheWidgetOnTheShop();
        whenTheVisitorAsks("Hi, my order 48213 still hasn't arrived");
        whenTheVisitorAsksForAPerson();
        whenTheAgentOpensIt();
        whenTheAgentAcceptsIt();

        Locator suggestion = agent.locator("[data-testid=suggestion][data-intent=order_status]").first();
        String answer = suggestion.locator(".suggestion-text").textContent();
        suggestion.click();
        Locator input = agent.locator("[data-testid=reply-input]");
        assertThat(input).hasValue(answer);
        assertThat(input).isFocused();
        input.press("Control+End");
        input.pressSequentially(" I am checking 48213 for you.");
        input.press("Enter");
        thenTheVisitorSeesTheAgentMessage("Alice", answer + " I am checking 48213 for you.");

        input.pressSequentially("/refund");
        input.press("Tab");
        assertThat(input).hasValue("Hi, I'm Alice. I have started the refund for order 48213: it reaches your account within 5 working days.");
        input.fill("");
        agent.locator("[data-testid=canned-open]").click();
        agent.locator("[data-testid=canned-filter]").fill("wait");
        agent.locator("[data-testid=canned-shortcut]").fill("later");
        agent.locator("[data-testid=canned-text]").fill("Talk later, {visitor_name}! {agent_name}");
        agent.locator("[data-testid=canned-save]").click();
        agent.locator("[data-testid=canned-filter]").fill("");
        assertThat(agent.locator("[data-testid=canned-item][data-shortcut=later][data-scope=personal]")).isVisible();
        agent.setViewportSize(1280, 720);
        screenshot(agent, "21-console-canned-responses.png");
        agent.locator("[data-testid=canned-item][data-shortcut=wait] [data-testid=canned-use]").click();
        assertThat(input).hasValue("Thanks for waiting. I am checking this for you now.");
        assertThat(input).isFocused();
        input.fill("");

        agent.locator("[data-testid=mode-note]").check();
        assertThat(agent.locator("[data-testid=reply-send]")).hasText("Add note");
        input.fill("Courier lost 48213 last week: offer a refund");
        input.press("Enter");
        Locator note = transcriptFrom("note").last();
        assertThat(note).containsText("Courier lost 48213 last week: offer a refund");
        assertThat(note.locator("[data-testid=note-label]")).hasText("Internal note");
        note.scrollIntoViewIfNeeded();
        screenshot(agent, "20-console-note-and-suggestions.png");
        agent.locator("[data-testid=mode-reply]").check();
        whenTheAgentReplies("Thanks for waiting.");
        thenTheVisitorSeesTheAgentMessage("Alice", "Thanks for waiting.");
        assertThat(widget("baton-messages")).not().containsText("Courier lost");
        whenTheVisitorReloadsThePage();
        thenTheVisitorSeesTheAgentMessage("Alice", "Thanks for waiting.");
        assertThat(widget("baton-messages")).not().containsText("Courier lost");
        whenTheAgentResolvesIt(); // the journeys after this one count the agent's conversations
    }

    @Test
    void aVisitorComesBackToAResolvedConversationAndTheAgentReadsItFromTheNextOne() {
        givenTheAgentIsSignedIn();
        givenTheVisitorOpensTheWidgetOnTheShop();
        thenTheHeaderSays("Our team is online", true);
        whenTheVisitorAsks("how much is shipping");
        thenTheBotAnswers("Standard shipping is free on orders over 50 EUR");
        whenTheVisitorAsksForAPerson();
        thenTheAgentSeesTheConversationWaitingInTheQueue();
        whenTheAgentOpensIt();
        whenTheAgentAcceptsIt();
        whenTheAgentReplies(LAST_WORDS);
        thenTheVisitorSeesTheAgentMessage("Alice", LAST_WORDS);
        whenTheAgentResolvesIt();
        thenTheVisitorSeesTheConversationHasEnded();

        whenTheVisitorReloadsThePage();
        thenTheVisitorSeesTheConversationHasEnded();
        thenTheVisitorStillSeesTheWholeConversation(2);
        thenTheVisitorSeesTheAgentMessage("Alice", LAST_WORDS);
        screenshot(visitor, "12-widget-resolved-after-reload.png");

        whenTheVisitorStartsANewConversation();
        thenTheVisitorHasAFreshConversationWithTheBot();
        whenTheVisitorAsks("how long does delivery take");
        whenTheVisitorAsksForAPerson();
        thenTheAgentSeesTheConversationWaitingInTheQueue();
        whenTheAgentOpensIt();
        thenTheAgentSeesOneEarlierConversation("how much is shipping", "Resolved");
        screenshot(agent, "13-agent-console-history.png");

        whenTheAgentOpensTheEarlierConversation();
        thenTheAgentReadsTheEarlierConversation(LAST_WORDS);
        screenshot(agent, "14-agent-console-earlier-conversation.png");
        whenTheAgentGoesBack();
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "WAITING_FOR_AGENT");
        assertThat(agent.locator("[data-testid=accept]")).isVisible();
        assertThat(agent.locator("[data-testid=history-viewing]")).isHidden();
        assertThat(agent.locator("[data-testid=reply-form]")).isVisible();
        whenTheAgentAcceptsIt();
        whenTheAgentResolvesIt(); // nobody is left waiting for the next test
    }

    @Test
    void withNobodyOnlineTheWidgetSaysSoOnceAndOffersToLeaveAMessage() {
        NobodyOnline.await(presence);
        givenTheVisitorOpensTheWidgetOnTheShop();
        thenTheHeaderSays("Only our assistant is here right now", false);

        whenTheVisitorAsksForAPerson();
        assertThat(widget("baton-panel")).hasAttribute("data-state", "WAITING_FOR_AGENT");
        assertThat(widget("baton-no-agents")).hasText("Nobody is available right now. Leave a message and we will get back to you.");
        assertThat(widget("baton-queue-position")).hasCount(0);
        assertThat(widget("baton-banner")).not().containsText("queue");
        assertThat(widget("baton-leave-message")).hasText("Leave a message");
        assertThat(widget("baton-stop-waiting")).isVisible();
        thenTheHeaderSays("Only our assistant is here right now", false);
        screenshot(visitor, "15-widget-nobody-online.png");
        widget("baton-stop-waiting").click();
        assertThat(widget("baton-panel")).hasAttribute("data-state", "BOT");
    }

    @Test
    void aPersianVisitorReadsTheirResolvedConversationRightToLeftWithAWayToStartANewOne() {
        visitor.routeWebSocket(Pattern.compile(".*/ws/visitor$"), socket -> socket.onMessage(frame -> {
            if (frame.text().contains("\"hello\"")) {
                socket.send("""
                        {"type":"welcome","visitorId":"v-persian-1","conversationId":"c-resolved-1","state":"RESOLVED",
                         "language":"fa","resumed":true,"queue":null,"agentName":null,"agentsOnline":0,"messages":[
                          {"id":1,"from":"visitor","text":"سفارش من کجاست؟","quickReplies":[],"at":"2026-12-02T10:00:00Z"},
                          {"id":2,"from":"agent","text":"امروز ایمیلی دریافت خواهید کرد.","quickReplies":[],"at":"2026-12-02T10:01:00Z","agentName":"Sara"},
                          {"id":3,"from":"system","text":"این گفتگو بسته شد.","quickReplies":[],"at":"2026-12-02T10:02:00Z"}]}
                        """);
            }
        }));
        visitor.setViewportSize(390, 844);
        givenAShopOnAnotherSiteEmbeddingTheWidgetIn("fa");

        assertThat(widget("baton-panel")).hasAttribute("data-state", "RESOLVED");
        assertThat(widget("baton-resolved")).hasText("این گفتگو به پایان رسید");
        assertThat(widget("baton-new-conversation")).hasText("شروع گفتگوی جدید");
        assertThat(widget("baton-input")).isHidden();
        assertEquals("rtl", widget("baton-ended").evaluate("e => getComputedStyle(e).direction"));
        assertThat(widgetMessagesFrom("agent").last()).containsText("امروز ایمیلی دریافت خواهید کرد.");
        thenTheHeaderSays("در حال حاضر فقط دستیار ما پاسخ می‌دهد", false);
        screenshot(visitor, "16-widget-persian-resolved.png");
    }

    @Test
    void anItalianVisitorRatesAnAnswerWithTheKeyboardAndAThumbsDownOffersAPerson() {
        givenAShopOnAnotherSiteEmbeddingTheWidgetIn("it");
        whenTheVisitorAsks("quanto costa la spedizione?");
        thenTheBotAnswers("La spedizione standard è gratuita per ordini sopra i 50 EUR");
        Locator rating = widgetMessagesFrom("bot").first().locator("[data-testid=baton-rating]");
        assertThat(rating.locator("[data-testid=baton-rating-text]")).hasText("Ti è stato utile?");
        assertThat(rating.locator("[data-testid=baton-helpful]")).hasAttribute("aria-label", "Sì, mi è stato utile");
        Locator thumbsDown = rating.locator("[data-testid=baton-not-helpful]");
        assertThat(thumbsDown).hasAttribute("aria-label", "No, non mi è stato utile");
        assertThat(thumbsDown).hasAttribute("aria-pressed", "false");
        screenshot(visitor, "18-widget-was-this-helpful.png");

        rating.locator("[data-testid=baton-helpful]").focus();
        visitor.keyboard().press("Tab");
        assertThat(thumbsDown).isFocused();
        visitor.keyboard().press("Enter");

        assertThat(thumbsDown).hasAttribute("aria-pressed", "true");
        assertThat(thumbsDown).isFocused();
        assertThat(rating.locator("[data-testid=baton-helpful]")).hasAttribute("aria-disabled", "true");
        assertThat(rating.locator("[data-testid=baton-rating-text]")).hasText("Grazie per il tuo riscontro!");
        thenTheBotAnswers("Mi dispiace che non ti sia stato utile. Vuoi parlare con una persona?");
        assertThat(widgetMessagesFrom("bot").last().locator("[data-testid=baton-rating]")).hasCount(0);
        assertThat(widget("baton-quick-reply")).hasText("Parla con una persona");
        screenshot(visitor, "19-widget-thumbs-down-offers-a-person.png");

        whenTheVisitorReloadsThePage();
        assertThat(widgetMessagesFrom("bot").first().locator("[data-testid=baton-not-helpful]")).hasAttribute("aria-pressed", "true");
        whenTheVisitorClicksTheQuickReply("Parla con una persona");
        assertThat(widget("baton-panel")).hasAttribute("data-state", "WAITING_FOR_AGENT");

        // Leaves the queue as it found it: the other journeys count their visitor's place in it.
        widget("baton-stop-waiting").click();
        assertThat(widget("baton-panel")).hasAttribute("data-state", "BOT");
    }

    @Test
    void aPersianVisitorRatesTheResolvedConversationWithTheKeyboardAndTheAgentReadsTheRating() {
        givenTheAgentIsSignedIn();
        givenAShopOnAnotherSiteEmbeddingTheWidgetIn("fa");
        whenTheVisitorAsksForAPerson();
        thenTheAgentSeesTheConversationWaitingInTheQueue();
        whenTheAgentOpensIt();
        whenTheAgentAcceptsIt();
        widget("baton-input").focus();
        whenTheAgentResolvesIt();

        Locator survey = widget("baton-survey");
        assertThat(survey).isVisible();
        assertThat(survey.locator("legend")).hasText("چقدر از کمکی که دریافت کردید راضی هستید؟");
        assertEquals("rtl", survey.evaluate("e => getComputedStyle(e).direction"));
        Locator first = widget("baton-score-1");
        assertThat(first).hasAttribute("aria-label", "۱ – بسیار ناراضی");
        assertThat(first).isFocused();
        visitor.keyboard().press("ArrowDown");
        visitor.keyboard().press("ArrowDown");
        visitor.keyboard().press("ArrowDown");
        assertThat(widget("baton-score-4")).isFocused();
        assertThat(widget("baton-score-4")).isChecked();
        visitor.keyboard().press("Tab");
        assertThat(widget("baton-survey-comment")).isFocused();
        visitor.keyboard().type("خیلی سریع بود");
        screenshot(visitor, "20-widget-persian-rates-the-conversation.png");
        visitor.keyboard().press("Tab");
        assertThat(widget("baton-survey-send")).isFocused();
        visitor.keyboard().press("Space");

        assertThat(widget("baton-survey-thanks")).hasText("از اینکه به این گفتگو امتیاز دادید سپاسگزاریم!");
        assertThat(widget("baton-new-conversation")).isFocused();
        assertThat(widgetMessagesFrom("system").last()).hasText("امتیاز 4 از 5: خیلی سریع بود");
        assertThat(transcriptFrom("system").last()).containsText("امتیاز 4 از 5: خیلی سریع بود");
        screenshot(visitor, "21-widget-rating-thanks.png");
        screenshot(agent, "22-agent-console-reads-the-rating.png");

        whenTheVisitorReloadsThePage();
        assertThat(widget("baton-panel")).hasAttribute("data-state", "RESOLVED");
        assertThat(survey).isHidden();
    }

    @Test
    void anAgentGoesAwayAndBackThenTransfersTheConversationWithANoteOnlyTheColleagueReads() {
        BrowserContext colleagueContext = newContext();
        try {
            Page colleague = colleagueContext.newPage();
            echoBrowserProblems("colleague", colleague);
            givenTheAgentIsSignedIn();
            signIn(colleague, "bruno", "bruno-secret-1", "Bruno");
            agent.setViewportSize(1280, 720);
            colleague.setViewportSize(1280, 720);
            givenTheVisitorOpensTheWidgetOnTheShop();
            whenTheVisitorAsksForAPerson();
            thenTheAgentSeesTheConversationWaitingInTheQueue();
            whenTheAgentOpensIt();
            whenTheAgentAcceptsIt();
            assertThat(agent.locator("[data-testid=agent-load]")).hasText("1/5");

            agent.getByLabel("My status").selectOption("away");
            assertThat(agent.locator("[data-testid=agent-availability]")).hasAttribute("data-status", "away");
            agent.getByLabel("My status").selectOption("online");
            assertThat(agent.locator("[data-testid=agent-availability]")).hasAttribute("data-status", "online");

            agent.locator("[data-testid=transfer]").click();
            assertThat(agent.locator("[data-testid=transfer-dialog]")).isVisible();
            assertThat(agent.locator("[data-testid=transfer-to] option[value=bruno]")).containsText("Bruno — online, 0/2");
            agent.getByLabel("Note for them (optional)").fill("Wants to know where order 48213 is");
            screenshot(agent, "23-agent-console-transfer-dialog.png");
            agent.locator("[data-testid=transfer-send]").click();

            assertThat(agent.locator("[data-testid=mine-item]")).hasCount(0);
            assertThat(agent.locator("[data-testid=agent-load]")).hasText("0/5");
            assertThat(widgetMessagesFrom("system").last()).containsText("Bruno is taking over your conversation.");
            assertThat(visitor.getByText("order 48213")).hasCount(0);
            colleague.locator("[data-testid=mine-item]").first().click();
            Locator note = colleague.locator("[data-testid=transcript-message][data-from=note]");
            assertThat(note).containsText("Transferred to Bruno: Wants to know where order 48213 is");
            assertThat(note).containsText("Alice");
            assertThat(colleague.locator("[data-testid=agent-load]")).hasText("1/2");
            screenshot(colleague, "24-agent-console-transfer-note.png");
            colleague.locator("[data-testid=resolve]").click();
            assertThat(colleague.locator("[data-testid=mine-item]")).hasCount(0);
        } finally {
            colleagueContext.close();
        }
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
        screenshot(agent, "11-login-error.png");
    }

    @Test
    void aPersianVisitorOnAnotherSiteLeavesAMessageWhenNobodyIsOnline() {
        NobodyOnline.await(presence);
        visitor.setViewportSize(390, 844); // on a phone
        givenAShopOnAnotherSiteEmbeddingTheWidgetIn("fa");
        assertThat(widget("baton-panel")).hasAttribute("dir", "rtl");
        assertEquals("rtl", widget("baton-panel").evaluate("e => getComputedStyle(e).direction"));
        assertThat(widget("baton-input")).hasAttribute("placeholder", "پیام خود را بنویسید…");

        whenTheVisitorAsks("هزینه ارسال چقدر است؟");
        thenTheBotAnswers("ارسال عادی برای سفارش‌های بالای ۵۰ یورو رایگان است");

        whenTheVisitorAsksForAPerson();
        assertThat(widget("baton-no-agents")).containsText("در حال حاضر کسی در دسترس نیست");
        assertThat(widget("baton-queue-position")).hasCount(0);
        screenshot(visitor, "08-widget-persian-nobody-online.png");

        widget("baton-leave-message").click();
        widget("baton-leave-text").fill("لطفاً درباره سفارش ۴۸۲۱۳ با من تماس بگیرید");
        widget("baton-leave-contact").fill("sara@example.com");
        screenshot(visitor, "09-widget-persian-leave-message.png");
        widget("baton-leave-send").click();
        assertThat(widget("baton-panel")).hasAttribute("data-state", "BOT");
        assertThat(widget("baton-notice")).containsText("پیام شما ارسال شد");

        givenTheAgentIsSignedIn();
        agent.locator("[data-testid=tab-left-messages]").click();
        Locator left = agent.locator("[data-testid=left-message]")
                .filter(new Locator.FilterOptions().setHasText("لطفاً درباره سفارش ۴۸۲۱۳ با من تماس بگیرید"));
        assertThat(left.locator("[data-testid=left-status]")).containsText("Open for");
        screenshot(agent, "10-agent-console-left-messages.png");

        left.locator("[data-testid=left-claim]").click();
        assertThat(left.locator("[data-testid=left-status]")).containsText("Taken by you");
        left.locator("[data-testid=left-email]").click();
        left.locator("[data-testid=left-email-text]").fill("سلام سارا، سفارش شما امروز ارسال شد.");
        left.locator("[data-testid=left-submit]").click();
        // This node has no mail server: the agent is told, and the message stays theirs.
        assertThat(agent.locator("#notice")).containsText("sends no email");
        assertThat(left.locator("[data-testid=left-status]")).containsText("Taken by you");

        left.locator("[data-testid=left-handled]").click();
        left.locator("[data-testid=left-note]").fill("Called back: the order ships today");
        screenshot(agent, "25-agent-console-left-message-handled-form.png");
        left.locator("[data-testid=left-submit]").click();
        assertThat(left.locator("[data-testid=left-status]")).containsText("Handled by you");
        assertThat(left.locator("[data-testid=left-status]")).containsText("Called back: the order ships today");
        assertThat(left.locator("[data-testid=left-claim]")).hasCount(0);
        screenshot(agent, "26-agent-console-left-message-handled.png");
    }

    @Test
    void theWidgetComesBackAfterANodeStopsOrTheNetworkDropsAndMissesNothing() {
        List<WebSocketRoute> sockets = new CopyOnWriteArrayList<>();
        visitor.routeWebSocket(Pattern.compile(".*/ws/visitor$"), socket -> {
            socket.connectToServer(); // frames pass through untouched; the test only cuts the line
            sockets.add(socket);
        });
        givenTheVisitorOpensTheWidgetOnTheShop();
        whenTheVisitorAsks("how much is shipping");
        thenTheBotAnswers("Standard shipping is free on orders over 50 EUR");

        whenTheServerNodeStops(sockets.get(0));
        thenTheWidgetIsConnectedAgainOver(sockets, 2);
        assertThat(widget("baton-message")).hasCount(2);

        whenTheNetworkDrops(sockets.get(1));
        whenTheVisitorAsks("how long does delivery take"); // typed while offline: sent once back online
        thenTheWidgetIsConnectedAgainOver(sockets, 3);
        thenTheBotAnswers("Orders placed before 14:00 CET");
        assertThat(visitorMessages()).hasCount(2);
        assertThat(widget("baton-message")).hasCount(4);
    }

    private void whenTheServerNodeStops(WebSocketRoute socket) {
        socket.send("{\"type\":\"reconnect\"}");
        socket.close(new WebSocketRoute.CloseOptions().setCode(1012).setReason("node stopping"));
    }

    private void whenTheNetworkDrops(WebSocketRoute socket) {
        socket.close(new WebSocketRoute.CloseOptions().setCode(4000).setReason("network down"));
        assertThat(widget("baton-panel")).not().hasAttribute("data-connection", "open");
    }

    private void thenTheWidgetIsConnectedAgainOver(List<WebSocketRoute> sockets, int connections) {
        assertThat(widget("baton-panel")).hasAttribute("data-connection", "open", CONNECTED_WITHIN);
        assertEquals(connections, sockets.size(), "connections the widget opened");
    }

    // ---------------------------------------------------------------- the visitor

    /** A page of some other shop (another origin) embedding Baton with one tag, as a customer would. */
    private void givenAShopOnAnotherSiteEmbeddingTheWidgetIn(String language) {
        // Another origin: same machine, other host name. Chromium's local-network-access check still asks
        // before a page it did not see come from loopback loads a script from localhost; a real shop on the
        // internet loading Baton from the internet never meets it, so the test simply answers yes.
        visitorContext.grantPermissions(List.of("local-network-access"));
        String otherSite = "http://127.0.0.1:" + port + "/another-shop";
        visitor.route(otherSite, route -> route.fulfill(new Route.FulfillOptions()
                .setContentType("text/html; charset=utf-8")
                .setBody("""
                        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another shop</title>
                        <style>body { font: 16px serif; background: #fafafa; } button, p, div { color: red !important; }</style>
                        </head><body><h1>Another shop</h1><p>Its own CSS must not leak into the widget.</p>
                        <script src="http://localhost:%d/widget.js" data-language="%s" data-title="فروشگاه" async></script>
                        </body></html>
                        """.formatted(port, language))));
        visitor.navigate(otherSite);
        widget("baton-launcher").click();
        assertThat(widget("baton-panel")).isVisible();
        assertThat(widget("baton-panel")).hasAttribute("data-connection", "open", CONNECTED_WITHIN);
    }

    private void givenTheVisitorOpensTheWidgetOnTheShop() {
        visitor.navigate("/");
        assertThat(visitor).hasTitle("Baton Demo Shop");
        widget("baton-launcher").click();
        assertThat(widget("baton-panel")).isVisible();
        assertThat(widget("baton-panel")).hasAttribute("data-connection", "open", CONNECTED_WITHIN);
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
        assertThat(widget("baton-panel")).hasAttribute("data-connection", "open", CONNECTED_WITHIN);
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

    private void thenTheVisitorSeesTheConversationHasEnded() {
        assertThat(widget("baton-panel")).hasAttribute("data-state", "RESOLVED");
        assertThat(widget("baton-resolved")).hasText("This conversation has ended");
        assertThat(widget("baton-new-conversation")).hasText("Start a new conversation");
        assertThat(widget("baton-input")).isHidden();
    }

    /** The line under the title, and whether the dot beside it is green (an agent is online). */
    private void thenTheHeaderSays(String text, boolean green) {
        assertThat(widget("baton-connection")).hasText(text);
        String dot = visitor.locator("#baton-widget .dot").evaluate("e => getComputedStyle(e).backgroundColor").toString();
        assertEquals(green, dot.equals("rgb(74, 222, 128)"), "the dot is green: " + dot);
    }

    private void whenTheVisitorStartsANewConversation() {
        widget("baton-new-conversation").click();
    }

    private void thenTheVisitorHasAFreshConversationWithTheBot() {
        assertThat(widget("baton-panel")).hasAttribute("data-state", "BOT");
        assertThat(widget("baton-message")).hasCount(0);
        assertThat(widget("baton-greeting")).isVisible();
        assertThat(widget("baton-input")).isEditable();
        assertThat(widget("baton-new-conversation")).isHidden();
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
        signIn(agent, AGENT_USERNAME, AGENT_PASSWORD, "Alice");
    }

    private static void signIn(Page page, String username, String password, String name) {
        page.navigate("/console.html");
        assertThat(page).hasURL(Pattern.compile("/login\\.html"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.locator("[data-testid=login-submit]").click();
        assertThat(page).hasURL(Pattern.compile("/console\\.html"));
        assertThat(page.locator("[data-testid=console-connection]")).hasAttribute("data-status", "open");
        assertThat(page.locator("[data-testid=console-agent]")).containsText(name);
    }

    private void thenTheAgentSeesTheConversationWaitingInTheQueue() {
        Locator item = agent.locator("[data-testid=queue-item]");
        assertThat(item).hasCount(1);
        assertThat(item.locator("[data-testid=reason]")).hasText("Asked for a person");
        assertThat(item.locator("[data-testid=queue-wants]")).not().isEmpty();
        assertThat(item.locator("[data-testid=queue-wait]")).hasText(Pattern.compile("\\d+:\\d{2}"));
    }

    private void whenTheAgentOpensIt() {
        agent.locator("[data-testid=queue-item]").first().click();
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "WAITING_FOR_AGENT");
        assertThat(agent.locator("[data-testid=accept]")).isVisible();
        assertThat(agent.locator("[data-testid=summary-wait]")).hasText(Pattern.compile("\\d+:\\d{2}"));
    }

    private void whenTheAgentAcceptsIt() {
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

    private void whenTheAgentUnfoldsWhyTheBotWrote(Locator botMessage) {
        Locator why = botMessage.locator("[data-testid=decision]");
        assertThat(why).not().hasAttribute("open", "");
        why.locator("[data-testid=decision-toggle]").click();
        assertThat(why).hasAttribute("open", "");
        why.scrollIntoViewIfNeeded();
    }

    /** @param intent the intent it names; null for a decision whose intent is only the classifier's guess */
    private void thenTheAgentReadsTheDecision(Locator botMessage, String kind, String intent, String reason) {
        Locator why = botMessage.locator("[data-testid=decision]");
        assertThat(why.locator("[data-testid=decision-kind]")).hasText(kind);
        assertThat(why.locator("[data-testid=decision-reason]")).containsText(reason);
        if (intent != null) {
            assertThat(why.locator("[data-testid=decision-intent]")).hasText(intent);
            assertThat(why.locator("[data-testid=decision-confidence]")).hasText(Pattern.compile("0\\.\\d\\d|1\\.00"));
            assertThat(why.locator("[data-testid=decision-margin]")).hasText(Pattern.compile("0\\.\\d\\d|1\\.00"));
        }
    }

    private void thenTheVisitorNeverSeesWhyTheBotWroteAnything() {
        assertThat(widget("baton-panel")).not().containsText("is confident");
        assertThat(widget("baton-panel")).not().containsText("asked for a person");
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

    private void whenTheAgentResolvesIt() {
        agent.locator("[data-testid=resolve]").click();
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "RESOLVED");
        assertThat(agent.locator("[data-testid=mine-item]")).hasCount(0);
    }

    private void thenTheAgentSeesOneEarlierConversation(String firstMessage, String state) {
        Locator item = agent.locator("[data-testid=history-item]");
        assertThat(item).hasCount(1);
        assertThat(item.locator("[data-testid=history-first]")).hasText(firstMessage);
        assertThat(item.locator("[data-testid=history-state]")).hasText(state);
        assertThat(item.locator("[data-testid=history-started]")).not().isEmpty();
        assertThat(agent.locator("[data-testid=summary-previous]")).hasText("1");
    }

    private void whenTheAgentOpensTheEarlierConversation() {
        agent.locator("[data-testid=history-item]").click();
    }

    private void thenTheAgentReadsTheEarlierConversation(String lastWords) {
        assertThat(agent.locator("[data-testid=conversation-state]")).hasAttribute("data-state", "RESOLVED");
        assertThat(agent.locator("[data-testid=history-viewing]")).containsText("An earlier conversation of this customer");
        assertThat(transcriptFrom("agent").last()).containsText(lastWords);
        assertThat(agent.locator("[data-testid=reply-form]")).isHidden();
        assertThat(agent.locator("[data-testid=accept]")).isHidden();
        assertThat(agent.locator("[data-testid=resolve]")).isHidden();
    }

    private void whenTheAgentGoesBack() {
        agent.locator("[data-testid=history-back]").click();
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
        return chromium.newContext(port);
    }

    private static void screenshot(Page page, String name) {
        HeadlessChromium.screenshot(page, name);
    }
}
