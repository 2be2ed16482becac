package dev.baton.app.security;

import dev.baton.app.limits.RateLimitedRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * How a failed sign-in is answered. The form goes back to the login page, which says what happened: {@code ?error}
 * for a wrong name or password, {@code ?locked=<seconds>} while locked out (whether or not the account exists), and
 * for single sign-on {@code ?refused=<code>} or {@code ?sso-error}. HTTP Basic gets {@code 401} with a challenge, or
 * {@code 429} with {@code Retry-After} while locked out.
 */
final class SignInFailures {

    private static final Logger log = LoggerFactory.getLogger(SignInFailures.class);

    private SignInFailures() {
    }

    static ServerAuthenticationFailureHandler toLoginPage(String loginPage) {
        var redirect = new DefaultServerRedirectStrategy();
        return (WebFilterExchange exchange, AuthenticationException failure) -> redirect.sendRedirect(exchange.getExchange(),
                URI.create(failure instanceof LockedOutException locked
                        ? loginPage + "?locked=" + RateLimitedRequests.wholeSeconds(locked.retryAfter()) : loginPage + "?error"));
    }

    /**
     * Single sign-on refused: back to the login page with {@code ?refused=<code>} when Baton refused a user the provider
     * vouched for ({@link DirectoryUsers}: no role, no username, a configured user's name), else {@code ?sso-error}
     * (the provider refused, or its answer did not check out).
     */
    static ServerAuthenticationFailureHandler singleSignOn(String loginPage) {
        var redirect = new DefaultServerRedirectStrategy();
        return (WebFilterExchange exchange, AuthenticationException failure) -> {
            String code = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
            boolean refused = code.equals(DirectoryUsers.NO_ROLE) || code.equals(DirectoryUsers.NO_USERNAME)
                    || code.equals(DirectoryUsers.CONFIGURED_NAME);
            if (!refused) {
                log.warn("single sign-on failed: {}", failure.getMessage());
            }
            return redirect.sendRedirect(exchange.getExchange(),
                    URI.create(loginPage + (refused ? "?refused=" + code : "?sso-error")));
        };
    }

    static ServerAuthenticationFailureHandler httpBasic() {
        var challenge = new ServerAuthenticationEntryPointFailureHandler(new HttpBasicServerAuthenticationEntryPoint());
        return (WebFilterExchange exchange, AuthenticationException failure) -> failure instanceof LockedOutException locked
                ? RateLimitedRequests.tooMany(exchange.getExchange(), locked.retryAfter())
                : challenge.onAuthenticationFailure(exchange, failure);
    }
}
