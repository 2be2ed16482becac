package dev.baton.channel;

import java.time.Duration;
import java.util.Optional;

/**
 * A channel did not take a message. {@code transient} failures (rate limited, the platform's server failed or did not
 * answer in time) may succeed later, after {@code retryAfter} when the platform said; the others (a refused token,
 * a blocked bot, a closed customer-care window) will not.
 */
public final class DeliveryFailedException extends RuntimeException {

    private final boolean temporary;
    private final Optional<Duration> retryAfter;

    public DeliveryFailedException(String reason, boolean temporary, Optional<Duration> retryAfter) {
        super(reason);
        this.temporary = temporary;
        this.retryAfter = retryAfter;
    }

    public boolean temporary() {
        return temporary;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
