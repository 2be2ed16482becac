package dev.baton.app.journey;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.http.client.HttpClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Logs agents in through the console's login form, as a browser would, and returns the session cookie. */
public final class Agents {

    /**
     * The CSRF token a page sends: the value of the {@code XSRF-TOKEN} cookie, which the server compares with the
     * header (double submit); any value will do, as long as both are the same.
     */
    public static final String CSRF_TOKEN = "test-csrf-token";
    public static final String CSRF_COOKIE = "XSRF-TOKEN=" + CSRF_TOKEN;

    private Agents() {
    }

    public static String login(int port, String username, String password) {
        return postLogin(port, username, password)
                .filter(r -> !r.location().contains("error"))
                .map(LoginResult::cookie)
                .orElseThrow(() -> new AssertionError("login failed for " + username));
    }

    static boolean loginFails(int port, String username, String password) {
        return postLogin(port, username, password).map(r -> r.location().endsWith("/login.html?error")).orElse(false);
    }

    /** Logs out as the console's logout button does; returns where the browser is sent. */
    public static String logout(int port, String cookie) {
        return HttpClient.create()
                .headers(h -> h.set(HttpHeaderNames.COOKIE, cookie + "; " + CSRF_COOKIE).set("X-XSRF-TOKEN", CSRF_TOKEN))
                .post().uri("http://localhost:" + port + "/logout")
                .response().map(r -> String.valueOf(r.responseHeaders().get(HttpHeaderNames.LOCATION))).block();
    }

    /** The status of a WebSocket handshake on {@code path} without any session. */
    static int anonymousHandshakeStatus(int port, String path) {
        return handshakeStatus(port, path, Map.of());
    }

    /** The status of a WebSocket handshake on {@code path} with the session cookie. */
    public static int handshakeStatus(int port, String path, String cookie) {
        return handshakeStatus(port, path, Map.of(HttpHeaderNames.COOKIE.toString(), cookie));
    }

    /** The status of a WebSocket handshake on {@code path} with {@code headers} besides the upgrade's own. */
    public static int handshakeStatus(int port, String path, Map<String, String> headers) {
        return HttpClient.create()
                .headers(h -> {
                    h.set(HttpHeaderNames.CONNECTION, "Upgrade").set(HttpHeaderNames.UPGRADE, "websocket")
                            .set("Sec-WebSocket-Version", "13").set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
                    headers.forEach(h::set);
                })
                .get().uri("http://localhost:" + port + path)
                .response().map(r -> r.status().code()).block();
    }

    private record LoginResult(String location, String cookie) {
    }

    private static java.util.Optional<LoginResult> postLogin(int port, String username, String password) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HttpClient.create()
                .headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded")
                        .set(HttpHeaderNames.COOKIE, CSRF_COOKIE).set("X-XSRF-TOKEN", CSRF_TOKEN))
                .post().uri("http://localhost:" + port + "/login")
                .send(reactor.netty.ByteBufFlux.fromString(reactor.core.publisher.Mono.just(form)))
                .response((response, body) -> {
                    String location = response.responseHeaders().get(HttpHeaderNames.LOCATION);
                    String cookie = response.responseHeaders().getAll(HttpHeaderNames.SET_COOKIE).stream()
                            .filter(c -> c.startsWith("SESSION=")).findFirst().orElse(null);
                    return location == null ? reactor.core.publisher.Mono.<LoginResult>empty()
                            : reactor.core.publisher.Mono.just(new LoginResult(location,
                                    cookie == null ? "" : cookie.substring(0, cookie.indexOf(';'))));
                })
                .next().blockOptional();
    }
}
