package dev.baton.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The rehearsal of a visitor's message a node runs before it reports ready ({@code baton.warm-up.*}; see
 * {@link dev.baton.app.warmup.MessagePathWarmUp}). Wrong values stop the node at start with what is wrong.
 *
 * @param turns       visitor messages rehearsed at most; 0: none, the node takes traffic as soon as it is up
 * @param maxDuration the longest the rehearsal may hold readiness back, however many turns are left
 */
@ConfigurationProperties("baton.warm-up")
public record WarmUpSettings(@DefaultValue("60000") int turns, @DefaultValue("20s") Duration maxDuration) {

    public WarmUpSettings {
        if (turns < 0) {
            throw new IllegalArgumentException("baton.warm-up.turns must be 0 or more: " + turns);
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("baton.warm-up.max-duration must be positive: " + maxDuration);
        }
    }
}
