package dev.baton.app.browser;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * axe-core (vendored as a test resource, {@code axe/axe.min.js}, MPL-2.0) run in a page: evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy does not govern, so the page under test keeps its strict policy.
 */
final class Axe {

    private static final String SOURCE = read();

    private Axe() {
    }

    /**
     * Fails with every serious or critical violation axe finds in the page as it is now (open shadow roots included:
     * the widget's), each with the elements it concerns.
     */
    static void assertNoSeriousViolations(Page page, String what) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(SOURCE);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                    // Colours are judged as they end up: mid-animation (the panel rising into view) a fading header
                    // is measured against what shows through it. Endless animations (a typing indicator) are left.
                    // A document's animations leave out its shadow roots' (the widget's): each is asked too.
                    const roots = [document, ...[...document.querySelectorAll('*')].map(e => e.shadowRoot).filter(Boolean)];
                    await Promise.all(roots.flatMap(root => root.getAnimations())
                        .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
                        .map(a => a.finished.catch(() => null)));
                    return (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 targets: v.nodes.map(n => JSON.stringify(n.target) + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) }));
                }
                """);
        assertEquals(List.of(), violations, "serious or critical accessibility violations in " + what);
    }

    private static String read() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
