package dev.baton.app.limits;

import dev.baton.app.config.BatonProperties;
import dev.baton.limits.Admission;
import dev.baton.limits.Limit;
import dev.baton.rights.VisitorTraces;
import dev.baton.limits.Rate;
import dev.baton.limits.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * What a visitor, and all visitors of one client address together, may send on the visitor socket: messages per
 * second and per minute, and conversations started per hour. The visitor's own bucket is asked first, so that a
 * visitor over their limit costs their address nothing; a polite visitor behind the same address is refused only
 * once the address as a whole is over its (higher) limit.
 */
public final class VisitorLimits implements VisitorTraces {

    private static final Logger log = LoggerFactory.getLogger(VisitorLimits.class);

    private final RateLimiter limiter;
    private final RateLimiter onThisNode;
    private final Limit visitorMessages;
    private final Limit addressMessages;
    private final Limit visitorConversations;
    private final Limit addressConversations;

    /**
     * @param limiter    the store's: shared by every node with Redis
     * @param onThisNode this node's own buckets, for the one limit asked on every message (see {@link #message})
     */
    public VisitorLimits(RateLimiter limiter, RateLimiter onThisNode, BatonProperties.Limits limits) {
        this.limiter = limiter;
        this.onThisNode = onThisNode;
        BatonProperties.Limits.Visitor visitor = limits.visitor();
        BatonProperties.Limits.Address address = limits.address();
        this.visitorMessages = Limit.of("visitor-messages", new Rate(visitor.messagesPerSecond(), Duration.ofSeconds(1)),
                new Rate(visitor.messagesPerMinute(), Duration.ofMinutes(1)));
        this.addressMessages = Limit.of("address-messages", new Rate(address.messagesPerSecond(), Duration.ofSeconds(1)),
                new Rate(address.messagesPerMinute(), Duration.ofMinutes(1)));
        this.visitorConversations = Limit.of("visitor-conversations", new Rate(visitor.conversationsPerHour(), Duration.ofHours(1)));
        this.addressConversations = Limit.of("address-conversations", new Rate(address.conversationsPerHour(), Duration.ofHours(1)));
    }

    /**
     * One message (or left message) of {@code visitorId} from {@code address}. The visitor's own bucket is this node's,
     * where their socket is: shared in Redis it cost every message more round trips (on two cores with Redis at
     * 2,000 msg/s, docs/bench/load.sh: 958 µs of server CPU per message, 821 µs with this node's bucket). A visitor with
     * sockets on several nodes gets each node's allowance; their address's bucket, shared, still holds them all.
     */
    public Mono<Admission> message(String visitorId, String address) {
        return both(onThisNode, visitorMessages, visitorId, addressMessages, address);
    }

    /** One conversation started by {@code visitorId} from {@code address}. */
    public Mono<Admission> newConversation(String visitorId, String address) {
        return both(limiter, visitorConversations, visitorId, addressConversations, address);
    }

    /**
     * The visitor's own buckets go (their id is in the keys); their address's stay, shared with others. Buckets on other
     * nodes' memory (messages per second and minute) are forgotten as they idle, within a minute.
     */
    @Override
    public Mono<Void> forget(String visitorId) {
        return onThisNode.forget(visitorMessages, visitorId).then(limiter.forget(visitorConversations, visitorId));
    }

    /**
     * A limiter that cannot answer (Redis unreachable) admits: the store behind it is down too, and the frame fails
     * there with its own clear error, rather than every visitor being told they sent too much.
     */
    private Mono<Admission> both(RateLimiter visitors, Limit ofVisitor, String visitorId, Limit ofAddress, String address) {
        return visitors.take(ofVisitor, visitorId)
                .flatMap(admission -> admission.admitted() && ClientAddress.limitedAsOne(address)
                        ? limiter.take(ofAddress, address) : Mono.just(admission))
                .onErrorResume(e -> {
                    log.warn("rate limits unavailable, admitting: {}", e.toString());
                    return Mono.just(Admission.admit());
                });
    }
}
