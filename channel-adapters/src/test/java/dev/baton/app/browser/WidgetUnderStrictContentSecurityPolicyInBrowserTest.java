package dev.baton.app.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A company embeds the widget in a page whose Content-Security-Policy allows no inline script or style, only Baton's
 * origin for the script and the socket (the directives the README gives): the widget is styled, talks and answers,
 * and the browser reports no violation. The shop's page comes from a server of its own on another loopback port, as
 * it would from the company's site. (Served by the browser's request routing instead, the page counts as public and
 * Chromium refuses it any request to a loopback address.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WidgetUnderStrictContentSecurityPolicyInBrowserTest {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    private int port;

    @Test
    void theWidgetWorksOnAShopWhosePolicyAllowsOnlyBatonsOriginForScriptAndSocket() throws IOException {
        String baton = "http://localhost:" + port;
        String policy = "default-src 'none'; script-src " + baton + "; connect-src ws://localhost:" + port
                + "; style-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'";
        byte[] shopPage = ("<!doctype html><html lang=\"en\"><head><title>A strict shop</title></head><body>"
                + "<h1>Teapots</h1><script src=\"" + baton + "/widget.js\" async></script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Content-Security-Policy", policy);
            exchange.sendResponseHeaders(200, shopPage.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(shopPage);
            }
        });
        shop.start();
        try (BrowserContext context = chromium.newContext(port)) {
            Page page = context.newPage();
            page.onConsoleMessage(message -> System.out.printf("[console] %s: %s%n", message.type(), message.text()));
            page.onPageError(error -> System.out.printf("[page error] %s%n", error));
            HeadlessChromium.recordPolicyViolations(page);

            page.navigate("http://127.0.0.1:" + shop.getAddress().getPort() + "/");
            Locator launcher = page.locator("#baton-widget [data-testid=baton-launcher]");
            assertThat(launcher).isVisible();
            assertEquals("fixed", launcher.evaluate("e => getComputedStyle(e).position"), "the widget's styles apply");

            launcher.click();
            Locator input = page.locator("#baton-widget [data-testid=baton-input]");
            input.fill("how much is shipping");
            input.press("Enter");
            assertThat(page.locator("#baton-widget [data-testid=baton-message][data-from=bot]").last())
                    .containsText("Standard shipping is free on orders over 50 EUR");
            HeadlessChromium.screenshot(page, "widget-under-strict-csp.png");

            assertEquals(List.of(), HeadlessChromium.policyViolations(page), "Content-Security-Policy violations");
        } finally {
            shop.stop(0);
        }
    }
}
