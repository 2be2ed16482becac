package dev.baton.app.journey;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.http.client.HttpClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Logs agents in through the console's login form, as a browser would, and returns the session cookie. */
final class Agents {

    private Agents() {
    }

    static String login(int port, String username, String password) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HttpClient.create()
                .headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded"))
                .post().uri("http://localhost:" + port + "/login")
                .send(reactor.netty.ByteBufFlux.fromString(reactor.core.publisher.Mono.just(form)))
                .response((response, body) -> {
                    String location = response.responseHeaders().get(HttpHeaderNames.LOCATION);
                    if (location == null || location.contains("error")) {
                        return reactor.core.publisher.Mono.error(new AssertionError("login failed for " + username + ": " + location));
                    }
                    String cookie = response.responseHeaders().get(HttpHeaderNames.SET_COOKIE);
                    return reactor.core.publisher.Mono.just(cookie.substring(0, cookie.indexOf(';')));
                })
                .blockFirst();
    }
}
