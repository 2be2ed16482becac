package dev.baton.app.channel.platform;

import dev.baton.channel.DeliveryRetry;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * What every messaging channel shares ({@code baton.channels.*}); each channel's own settings, and whether it is on,
 * are under its name ({@code baton.channels.telegram.*}).
 *
 * @param claimsKeptFor   how long a delivery id (and a message sent) is remembered: a platform's redelivery of a
 *                        payload within it is handled once
 * @param claimsInMemory  how many the in-memory store remembers at most
 * @param sendTimeout     how long a platform has to answer one send before it counts as failed (and is retried)
 * @param retry           how a failed send is retried
 */
@ConfigurationProperties("baton.channels")
public record ChannelSettings(@DefaultValue("24h") Duration claimsKeptFor,
                              @DefaultValue("100000") long claimsInMemory,
                              @DefaultValue("10s") Duration sendTimeout,
                              @DefaultValue Retry retry) {

    /**
     * @param maxAttempts  sends in all, the first included
     * @param firstBackoff the wait before the first retry; each next one waits twice as long
     * @param maxBackoff   the longest wait, also when a platform's Retry-After asks for longer
     */
    public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("1s") Duration firstBackoff,
                        @DefaultValue("30s") Duration maxBackoff) {

        public DeliveryRetry delivery() {
            return new DeliveryRetry(maxAttempts, firstBackoff, maxBackoff);
        }
    }
}
