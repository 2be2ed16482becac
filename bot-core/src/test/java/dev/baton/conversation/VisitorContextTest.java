package dev.baton.conversation;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VisitorContextTest {

    @Test
    void keepsAPagesAddressWithoutQueryFragmentOrUser() {
        VisitorContext context = told("https://jo:secret@shop.example:8443/orders/48213?email=jo%40example.com#top",
                "http://search.example/?q=refund", "Europe/Rome");

        assertThat(context.page()).contains("https://shop.example:8443/orders/48213");
        assertThat(context.referrer()).contains("http://search.example/");
    }

    @Test
    void dropsWhatIsNotAWebAddressOrATimeZoneInsteadOfRefusingTheVisitor() {
        VisitorContext context = told("javascript:alert(1)", "not an address at all", "Europe/Rome; DROP TABLE");

        assertThat(context.page()).isEmpty();
        assertThat(context.referrer()).isEmpty();
        assertThat(context.timeZone()).isEmpty();
    }

    @Test
    void acceptsTheTimeZonesBrowsersReport() {
        assertThat(told(null, null, "America/Argentina/Buenos_Aires").timeZone()).contains("America/Argentina/Buenos_Aires");
        assertThat(told(null, null, "UTC").timeZone()).contains("UTC");
        assertThat(told(null, null, "Etc/GMT+3").timeZone()).contains("Etc/GMT+3");
    }

    @Test
    void cutsAnOverlongUserAgentAndItsControlCharacters() {
        VisitorContext context = VisitorContext.fromBrowser(Optional.empty(), Optional.empty(),
                Optional.of("Mozilla/5.0\n" + "x".repeat(1000)), Optional.empty());

        assertThat(context.userAgent()).hasValueSatisfying(ua -> {
            assertThat(ua).hasSize(VisitorContext.MAX_USER_AGENT).startsWith("Mozilla/5.0 x");
        });
    }

    @Test
    void knowsWhenTheBrowserToldNothing() {
        assertThat(told(null, "", null).isEmpty()).isTrue();
    }

    private static VisitorContext told(String page, String referrer, String timeZone) {
        return VisitorContext.fromBrowser(Optional.ofNullable(page), Optional.ofNullable(referrer), Optional.empty(),
                Optional.ofNullable(timeZone));
    }
}
