package dev.baton.app.channel.platform;

import dev.baton.channel.DeliveryFailedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Calls to one messaging platform's HTTP API, over WebClient (never blocking), each failure told as a
 * {@link DeliveryFailedException}: temporary for 429 (with its Retry-After), 5xx, timeouts and unreachable servers;
 * final for the other refusals, with the platform's own description. Never with the request's URL, which may carry a
 * token, nor its body, which carries what the visitor is told.
 */
public final class PlatformRequests {

    private final WebClient client;
    private final String platform;
    private final Duration timeout;
    private final Function<String, Optional<String>> describe;

    /**
     * @param baseUrl  the API's root, e.g. a WireMock in tests
     * @param platform its name for people, in failures
     * @param describe reads the platform's error description from an error response's body, if it has one
     */
    public PlatformRequests(String baseUrl, String platform, Duration timeout, Function<String, Optional<String>> describe) {
        this.client = WebClient.builder().baseUrl(baseUrl).build();
        this.platform = platform;
        this.timeout = timeout;
        this.describe = describe;
    }

    /** POSTs {@code body} as JSON to {@code path} (under the base URL), with the given headers; completes on a 2xx. */
    public Mono<Void> post(String path, Object body, HttpHeaders headers) {
        return client.post().uri(path)
                .headers(h -> h.addAll(headers))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.releaseBody()
                        : refusal(response).flatMap(Mono::error))
                .timeout(timeout)
                .onErrorMap(TimeoutException.class, late -> new DeliveryFailedException(
                        platform + " did not answer within " + timeout.toMillis() + " ms", true, Optional.empty()))
                .onErrorMap(WebClientRequestException.class, unreachable -> new DeliveryFailedException(
                        "could not reach " + platform + " (" + unreachable.getMostSpecificCause().getClass().getSimpleName() + ")",
                        true, Optional.empty()));
    }

    private Mono<DeliveryFailedException> refusal(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        Optional<Duration> retryAfter = retryAfter(response.headers().asHttpHeaders());
        return response.bodyToMono(String.class).defaultIfEmpty("")
                .onErrorReturn("")
                .map(body -> {
                    String reason = platform + " answered " + status.value() + describe.apply(body).map(d -> ": " + d).orElse("");
                    boolean temporary = status.value() == 429 || status.is5xxServerError();
                    return new DeliveryFailedException(reason, temporary, retryAfter);
                });
    }

    /** Retry-After in seconds or as an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
