package dev.baton.app.security;

import dev.baton.app.audit.Actors;
import dev.baton.audit.AuditTrail;
import dev.baton.audit.StaffAction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Audits a single sign-on, then leads to the user's own page ({@link HomePageAfterLogin#homeOf}) through a page of our
 * own rather than a redirect. The browser came back from the provider, a navigation another site began: a redirect
 * would continue that navigation, and the browser would leave the SameSite=Strict session cookie just set out of it —
 * the console would send the user to sign in again. Moving on from a page of ours (a refresh, no script, which our
 * Content-Security-Policy allows) is a navigation our site begins, which carries the cookie.
 */
final class LandingAfterSingleSignOn implements ServerAuthenticationSuccessHandler {


    private final AuditTrail audit;

    LandingAfterSingleSignOn(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        String provider = authentication instanceof OAuth2AuthenticationToken token ? token.getAuthorizedClientRegistrationId() : "?";
        var response = exchange.getExchange().getResponse();
        return BestEffortAudit.of(audit.record(Actors.of(authentication.getName(), exchange.getExchange().getRequest().getRemoteAddress()),
                        StaffAction.LOGIN_SUCCEEDED, "sign-in", "signed in through " + provider), "a sign-in")
                .then(Mono.defer(() -> {
                    response.setStatusCode(HttpStatus.OK);
                    response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
                    response.getHeaders().setCacheControl("no-store");
                    byte[] page = page(HomePageAfterLogin.homeOf(authentication)).getBytes(StandardCharsets.UTF_8);
                    response.getHeaders().set(HttpHeaders.CONTENT_LENGTH, String.valueOf(page.length));
                    return response.writeWith(Mono.just(response.bufferFactory().wrap(page)));
                }));
    }

    /** {@code home} is one of our own pages' paths, nothing a request chose. */
    static String page(URI home) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta http-equiv="refresh" content="0;url=%1$s">
                  <link rel="icon" href="data:,">
                  <title>Signed in — Baton</title>
                  <link rel="stylesheet" href="/login.css">
                </head>
                <body>
                <main>
                  <h1>Signed in</h1>
                  <p class="lead"><a href="%1$s">Continue</a></p>
                </main>
                </body>
                </html>
                """.formatted(home);
    }
}
