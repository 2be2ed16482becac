package dev.baton.app.limits;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Visitor sockets open on this node per client address, at most {@code max} each: a count of what is open now, not
 * a rate, so it is kept per node (a node that dies takes its count with it, where a shared count would keep it).
 * Only addresses with a socket open are held.
 */
public final class SocketsPerAddress {

    private final int max;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    public SocketsPerAddress(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("an address must be allowed at least one socket: " + max);
        }
        this.max = max;
    }

    /** A place for one more socket of {@code address}, to be released when it closes; empty when it has its maximum. */
    public Optional<Place> tryOpen(String address) {
        if (!ClientAddress.limitedAsOne(address)) {
            return Optional.of(new Place(address, false));
        }
        AtomicBoolean taken = new AtomicBoolean();
        open.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return now;
            }
            taken.set(true);
            return now + 1;
        });
        return taken.get() ? Optional.of(new Place(address, true)) : Optional.empty();
    }

    int open(String address) {
        return open.getOrDefault(address, 0);
    }

    /** One open socket's place; releasing it twice releases it once. */
    public final class Place {

        private final String address;
        private final boolean counted;
        private final AtomicBoolean released = new AtomicBoolean();

        private Place(String address, boolean counted) {
            this.address = address;
            this.counted = counted;
        }

        public void release() {
            if (counted && released.compareAndSet(false, true)) {
                open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
