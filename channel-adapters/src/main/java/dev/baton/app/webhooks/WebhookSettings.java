package dev.baton.app.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Where conversation events go out ({@code baton.webhooks.*}): each endpoint gets the events it names, signed with
 * its own secret, retried with backoff. None by default.
 *
 * @param endpoints     the receivers
 * @param maxAttempts   sends of one event to one endpoint at most, the first included
 * @param firstBackoff  the wait before the first retry; then twice as long each time
 * @param maxBackoff    the longest wait between two sends (also when a 429's Retry-After asks for longer)
 * @param timeout       how long one send may take before it counts as failed
 * @param maxQueued     events waiting to be sent on this node; beyond, the newest are dropped and logged
 * @param deliveriesKept the newest deliveries this node keeps in its delivery log
 */
@ConfigurationProperties("baton.webhooks")
public record WebhookSettings(@DefaultValue List<Endpoint> endpoints,
                              @DefaultValue("6") int maxAttempts,
                              @DefaultValue("1s") Duration firstBackoff,
                              @DefaultValue("5m") Duration maxBackoff,
                              @DefaultValue("10s") Duration timeout,
                              @DefaultValue("10000") int maxQueued,
                              @DefaultValue("1000") int deliveriesKept) {

    /**
     * @param url    an {@code http} or {@code https} address
     * @param secret the shared secret the signature is made with (at least 16 characters; from the environment)
     * @param events the event types it gets (e.g. {@code conversation.resolved}); empty for all of them
     */
    public record Endpoint(URI url, String secret, @DefaultValue Set<String> events) {

        public Endpoint {
            if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("baton.webhooks.endpoints[].url must be an http or https address, not " + url);
            }
            if (secret == null || secret.length() < 16) {
                throw new IllegalArgumentException("baton.webhooks.endpoints[].secret for " + url + " must be at least 16 characters");
            }
            Set<String> unknown = new java.util.TreeSet<>(events);
            unknown.removeAll(OutboundEvent.TYPES);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("baton.webhooks.endpoints[].events for " + url + " names unknown events "
                        + unknown + "; known: " + new java.util.TreeSet<>(OutboundEvent.TYPES));
            }
        }

        boolean wants(String type) {
            return events.isEmpty() || events.contains(type);
        }
    }
}
