package dev.baton.app.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser as far as single sign-on needs one: follows redirects, from Baton to the provider and back, and keeps
 * each server's cookies (by host and port; paths and SameSite aside, which the Chromium test covers).
 */
public final class DirectoryBrowser {

    /** Where a visit ended, and what it ended with; {@code way} every address it went through, the last included. */
    public record Page(URI uri, int status, String body, List<URI> way) {
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();

    public Page get(String url) {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Posts an empty form with a CSRF token, as our pages' sign-out button does. */
    public Page postForm(String url) {
        URI uri = URI.create(url);
        jar(uri).put("XSRF-TOKEN", "directory-browser-token");
        return follow(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=directory-browser-token")));
    }

    public String cookie(URI server, String name) {
        return jar(server).get(name);
    }

    private Page follow(HttpRequest.Builder first) {
        HttpRequest request = first.build();
        List<URI> way = new ArrayList<>();
        for (int hop = 0; hop < 10; hop++) {
            way.add(request.uri());
            HttpResponse<String> response = send(request);
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return new Page(request.uri(), response.statusCode(), response.body(), List.copyOf(way));
            }
            request = HttpRequest.newBuilder(request.uri().resolve(location)).GET().build();
        }
        throw new AssertionError("more than 10 redirects from " + first.build().uri());
    }

    private HttpResponse<String> send(HttpRequest request) {
        Map<String, String> jar = jar(request.uri());
        HttpRequest withCookies = jar.isEmpty() ? request : HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Cookie", jar.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")))
                .build();
        try {
            HttpResponse<String> response = http.send(withCookies, HttpResponse.BodyHandlers.ofString());
            remember(request.uri(), response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(URI server, List<String> setCookies) {
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            boolean expired = setCookie.toLowerCase().contains("max-age=0");
            if (expired || value.isEmpty()) {
                jar(server).remove(name);
            } else {
                jar(server).put(name, value);
            }
        }
    }

    private Map<String, String> jar(URI server) {
        return cookies.computeIfAbsent(server.getHost() + ":" + server.getPort(), s -> new LinkedHashMap<>());
    }
}
