package dev.baton.app.security;

import dev.baton.app.limits.RateLimitedRequests;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * How a failed sign-in is answered. The form goes back to the login page, which says what happened: {@code ?error}
 * for a wrong name or password, {@code ?locked=<seconds>} while locked out (whether or not the account exists). HTTP
 * Basic gets {@code 401} with a challenge, or {@code 429} with {@code Retry-After} while locked out.
 */
final class SignInFailures {

    private SignInFailures() {
    }

    static ServerAuthenticationFailureHandler toLoginPage(String loginPage) {
        var redirect = new DefaultServerRedirectStrategy();
        return (WebFilterExchange exchange, AuthenticationException failure) -> redirect.sendRedirect(exchange.getExchange(),
                URI.create(failure instanceof LockedOutException locked
                        ? loginPage + "?locked=" + RateLimitedRequests.wholeSeconds(locked.retryAfter()) : loginPage + "?error"));
    }

    static ServerAuthenticationFailureHandler httpBasic() {
        var challenge = new ServerAuthenticationEntryPointFailureHandler(new HttpBasicServerAuthenticationEntryPoint());
        return (WebFilterExchange exchange, AuthenticationException failure) -> failure instanceof LockedOutException locked
                ? RateLimitedRequests.tooMany(exchange.getExchange(), locked.retryAfter())
                : challenge.onAuthenticationFailure(exchange, failure);
    }
}
