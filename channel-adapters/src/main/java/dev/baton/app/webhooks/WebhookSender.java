package dev.baton.app.webhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends events to the configured endpoints, never on the caller's thread. Each endpoint has its own lane: the
 * events it wants, queued (bounded: beyond {@code maxQueued} the newest are dropped, and logged) and posted one at a
 * time in the order they happened, signed ({@link WebhookSignature}, signed again at each attempt), and retried with
 * exponential backoff after a 5xx, a 429 (after its Retry-After, capped), a timeout or a refused connection; any
 * other answer is final. So a receiver gets a conversation's events in order, and one that is down delays only its
 * own. Each delivery, made or given up, lands in the delivery log.
 */
final class WebhookSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private final WebhookSettings settings;
    private final WebClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebhookDeliveries deliveries;
    private final List<Lane> lanes;

    WebhookSender(WebhookSettings settings, WebClient http, ObjectMapper json, Clock clock, WebhookDeliveries deliveries) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.deliveries = deliveries;
        this.lanes = settings.endpoints().stream().map(Lane::new).toList();
    }

    /** Queues the event for every endpoint that wants it; returns at once. */
    void send(OutboundEvent event) {
        lanes.stream().filter(lane -> lane.endpoint.wants(event.type())).forEach(lane -> lane.offer(event));
    }

    /** One endpoint's queue and the sends that drain it, one event at a time. */
    private final class Lane {

        final WebhookSettings.Endpoint endpoint;
        private final Sinks.Many<OutboundEvent> queue =
                Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(settings.maxQueued()));
        private final Disposable sending;

        Lane(WebhookSettings.Endpoint endpoint) {
            this.endpoint = endpoint;
            this.sending = queue.asFlux().concatMap(event -> deliver(endpoint, event)).subscribe();
        }

        void offer(OutboundEvent event) {
            Sinks.EmitResult result;
            synchronized (this) {
                result = queue.tryEmitNext(event);
            }
            if (result.isFailure()) {
                log.warn("Dropped webhook event {} ({} of conversation {}) for {}: {} events already wait to be sent there",
                        event.id(), event.type(), event.conversationId(), endpoint.url(), settings.maxQueued());
            }
        }
    }

    private Mono<Void> deliver(WebhookSettings.Endpoint endpoint, OutboundEvent event) {
        byte[] body = json.writeValueAsBytes(event);
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Integer> lastStatus = new AtomicReference<>();
        return Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return http.post().uri(endpoint.url())
                            .contentType(MediaType.APPLICATION_JSON)
                            .header(WebhookSignature.HEADER, WebhookSignature.sign(endpoint.secret(), clock.instant().getEpochSecond(), body))
                            .bodyValue(body)
                            .retrieve()
                            .toBodilessEntity()
                            .timeout(settings.timeout())
                            .doOnNext(response -> lastStatus.set(response.getStatusCode().value()))
                            .doOnError(WebClientResponseException.class, e -> lastStatus.set(e.getStatusCode().value()));
                })
                .retryWhen(retry())
                .doOnSuccess(done -> deliveries.record(delivery(event, endpoint, "delivered", attempts.get(), lastStatus.get(), null)))
                .onErrorResume(last -> {
                    log.warn("Gave up sending webhook event {} ({}) to {} after {} attempt(s): {}", event.id(), event.type(),
                            endpoint.url(), attempts.get(), last.toString());
                    deliveries.record(delivery(event, endpoint, "failed", attempts.get(), lastStatus.get(), last.toString()));
                    return Mono.empty();
                })
                .then();
    }

    private Retry retry() {
        return Retry.from(signals -> signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            if (!temporary(failure) || signal.totalRetries() + 1 >= settings.maxAttempts()) {
                return Mono.error(failure);
            }
            Duration backoff = retryAfter(failure)
                    .orElseGet(() -> settings.firstBackoff().multipliedBy(1L << Math.min(signal.totalRetries(), 30)));
            return Mono.delay(backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff);
        }));
    }

    private static boolean temporary(Throwable failure) {
        if (failure instanceof WebClientResponseException response) {
            HttpStatusCode status = response.getStatusCode();
            return status.is5xxServerError() || status.value() == 429 || status.value() == 408;
        }
        return failure instanceof TimeoutException || failure instanceof WebClientRequestException;
    }

    private static Optional<Duration> retryAfter(Throwable failure) {
        if (failure instanceof WebClientResponseException response && response.getStatusCode().value() == 429) {
            String header = response.getHeaders().getFirst("Retry-After");
            if (header != null && header.strip().matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
            }
        }
        return Optional.empty();
    }

    private WebhookDeliveries.Delivery delivery(OutboundEvent event, WebhookSettings.Endpoint endpoint, String outcome,
                                                int attempts, Integer status, String error) {
        return new WebhookDeliveries.Delivery(event.id(), event.type(), event.conversationId(), endpoint.url().toString(),
                outcome, attempts, status, error, clock.instant().toString());
    }

    @Override
    public void close() {
        lanes.forEach(lane -> lane.sending.dispose());
    }
}
