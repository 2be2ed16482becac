package dev.baton.app.load;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the agent console takes to load in a real browser while the benchmark's queue is full: from the start of
 * navigation to the moment the page lists every waiting conversation it was sent (the queue's count shown and as
 * many entries drawn), read from the page's own clock ({@code performance.now()}, which starts with the
 * navigation). The first load in a fresh browser context is cold (nothing cached); the next ones are warm.
 */
final class ConsoleLoadTimes {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** True once the queue's count is drawn and as many entries as it says: the page is usable. */
    private static final String QUEUE_DRAWN = """
            () => {
              const count = Number(document.getElementById('queue-count')?.textContent || 0);
              return count > 0 && document.querySelectorAll('#queue > li').length === count ? performance.now() : false;
            }""";

    private ConsoleLoadTimes() {
    }

    /**
     * Loads {@code node}'s console {@code loads} times as the agent whose session cookie is {@code sessionCookie}
     * ({@code SESSION=...}); null when Chromium is not installed or {@code loads} is 0.
     */
    static Map<String, Object> measure(URI node, String sessionCookie, int loads) {
        if (loads < 1 || !Files.isExecutable(CHROMIUM)) {
            return null;
        }
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--no-first-run")))) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
            int equals = sessionCookie.indexOf('=');
            context.addCookies(List.of(new Cookie(sessionCookie.substring(0, equals), sessionCookie.substring(equals + 1))
                    .setDomain(node.getHost()).setPath("/")));
            Page page = context.newPage();
            List<Double> millis = new ArrayList<>();
            int entries = 0;
            for (int i = 0; i < loads; i++) {
                page.navigate(node.resolve("/console.html").toString());
                millis.add(((Number) page.waitForFunction(QUEUE_DRAWN, null,
                        new Page.WaitForFunctionOptions().setTimeout(60_000)).jsonValue()).doubleValue());
                entries = ((Number) page.evaluate("document.querySelectorAll('#queue > li').length")).intValue();
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("queueEntriesDrawn", entries);
            report.put("coldMillis", ProcessMetrics.round(millis.get(0)));
            report.put("warmMillis", millis.subList(1, millis.size()).stream().map(ProcessMetrics::round).toList());
            return report;
        }
    }
}
