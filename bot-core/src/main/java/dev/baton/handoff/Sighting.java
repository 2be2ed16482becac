package dev.baton.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether someone is online, and if not, when their last connection closed.
 *
 * @param lastSeen empty while online, and for someone never seen
 */
public record Sighting(boolean online, Optional<Instant> lastSeen) {

    private static final Sighting NEVER = new Sighting(false, Optional.empty());
    private static final Sighting ONLINE = new Sighting(true, Optional.empty());

    public Sighting {
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (online && lastSeen.isPresent()) {
            throw new IllegalArgumentException("someone online has no last-seen time");
        }
    }

    public static Sighting onlineNow() {
        return ONLINE;
    }

    public static Sighting lastSeenAt(Instant at) {
        return new Sighting(false, Optional.of(at));
    }

    public static Sighting never() {
        return NEVER;
    }

    /**
     * Online, or gone for less than {@code grace} at {@code now}: a page reload or a short drop must not count as
     * leaving. Someone never seen gets the benefit of the doubt (a channel that does not report presence).
     */
    public boolean isThere(Duration grace, Instant now) {
        return online || lastSeen.map(at -> Duration.between(at, now).compareTo(grace) < 0).orElse(true);
    }
}
