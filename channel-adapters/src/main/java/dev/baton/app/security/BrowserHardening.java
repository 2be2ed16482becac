package dev.baton.app.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;

import java.util.List;
import java.util.stream.Stream;

/**
 * What every response tells the browser, on top of Spring Security's defaults (no sniffing, no framing, no caching
 * of authenticated pages, and HSTS — one year, sub-domains included — on every response served over HTTPS, also
 * behind a proxy that terminates TLS once forwarded headers are trusted).
 *
 * <p>The policy allows our own origin only: no inline script or style anywhere (the pages load theirs from files),
 * sockets to our own origin, {@code data:} images for the empty favicon. It does not bind the pages that embed the
 * widget: they keep their own, and the README gives the two directives the widget needs there. With single sign-on,
 * forms may also lead to the providers' origins: signing out is a form posted to us, which the browser follows on to
 * the provider's end-session endpoint, and {@code form-action} governs where a form's redirects go too.
 */
final class BrowserHardening {

    static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(List.of());

    /** Nothing Baton's pages do needs these; a script injected despite everything gets none of them either. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), magnetometer=(), gyroscope=(), accelerometer=()";

    private BrowserHardening() {
    }

    /** The policy, with forms also allowed to lead to {@code signOutOrigins} (single sign-on providers'). */
    static String contentSecurityPolicy(List<String> signOutOrigins) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action " + String.join(" ", Stream.concat(Stream.of("'self'"), signOutOrigins.stream()).toList())
                + "; frame-ancestors 'none'";
    }

    static void headers(ServerHttpSecurity.HeaderSpec headers, List<String> signOutOrigins) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(signOutOrigins)))
                .permissionsPolicy(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }
}
