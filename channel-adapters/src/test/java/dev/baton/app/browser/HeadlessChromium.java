package dev.baton.app.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven by Playwright: one per test class (register it as a static
 * {@code @RegisterExtension} field; it launches before the class's tests and closes after them, and skips the class
 * where Chromium is not installed), a fresh context (cookies, storage) per person in a test, at 1280×800 with English
 * as the browser's language. Screenshots land in {@code target/screenshots/}.
 */
final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final List<String> violations = new CopyOnWriteArrayList<>();
    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(Files.isExecutable(CHROMIUM), "needs Debian's chromium at " + CHROMIUM);
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    /**
     * A fresh context whose pages report every Content-Security-Policy violation to this browser, which then fails
     * the test class when it closes: a page our policy breaks (a style attribute, an inline script) looks fine in
     * a screenshot only by luck.
     */
    BrowserContext newContext(int port) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale("en-US")
                .setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(message.text());
            }
        });
        return context;
    }

    /** From now on the page keeps every Content-Security-Policy violation the browser reports; see {@link #policyViolations}. */
    static void recordPolicyViolations(Page page) {
        page.addInitScript("window.__violations = [];"
                + "document.addEventListener('securitypolicyviolation',"
                + " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI), true);");
    }

    /** The violations the current document reported, as "directive blocked-uri". */
    static Object policyViolations(Page page) {
        return page.evaluate("() => window.__violations");
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(false));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright == null) {
            return;
        }
        try {
            browser.close();
        } finally {
            playwright.close();
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("Content-Security-Policy violations: " + violations);
        }
    }
}
