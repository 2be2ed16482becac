package dev.baton.store.memory;

import dev.baton.customers.CustomerLinks;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The customer links of a one-node installation: every change under one lock (a link is one small step next to the
 * message that made it), and a customer forgotten once the retention passed since its latest link: when it is next
 * looked at, or by the sweep a link runs at most once a {@link #SWEEP_PERIOD}.
 */
public final class InMemoryCustomerLinks implements CustomerLinks {

    static final Duration SWEEP_PERIOD = Duration.ofMinutes(1);

    private final Clock clock;
    private final Duration retention;
    private Instant nextSweep = Instant.MIN;
    private final Object lock = new Object();
    private final Map<String, String> customerOf = new HashMap<>();
    private final Map<String, Customer> customers = new HashMap<>();

    private record Customer(Set<String> members, Instant keptUntil) {
    }

    public InMemoryCustomerLinks(Clock clock, Duration retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public Mono<String> customerOf(String member) {
        return Mono.fromSupplier(() -> {
            synchronized (lock) {
                return liveCustomerOf(member);
            }
        });
    }

    @Override
    public Flux<String> membersOf(String customerId) {
        return Flux.defer(() -> {
            synchronized (lock) {
                Customer customer = live(customerId);
                return Flux.fromIterable(customer == null ? List.of() : List.copyOf(customer.members()));
            }
        });
    }

    @Override
    public Mono<String> link(String member, String other, String newCustomerId) {
        return Mono.fromSupplier(() -> {
            synchronized (lock) {
                sweepNow();
                String ofMember = liveCustomerOf(member);
                String ofOther = liveCustomerOf(other);
                String customerId = ofOther != null ? ofOther : ofMember != null ? ofMember : newCustomerId;
                Set<String> members = new TreeSet<>(customers.containsKey(customerId) ? customers.get(customerId).members() : Set.of());
                if (ofMember != null && !ofMember.equals(customerId)) {
                    members.addAll(customers.remove(ofMember).members());
                }
                members.add(member);
                members.add(other);
                members.forEach(m -> customerOf.put(m, customerId));
                customers.put(customerId, new Customer(members, clock.instant().plus(retention)));
                return customerId;
            }
        });
    }

    @Override
    public Mono<Boolean> unlink(String member) {
        return Mono.fromSupplier(() -> {
            synchronized (lock) {
                String customerId = customerOf.remove(member);
                Customer customer = customerId == null ? null : live(customerId);
                if (customer == null) {
                    return false;
                }
                Set<String> left = new TreeSet<>(customer.members());
                left.remove(member);
                if (left.size() < 2) {
                    forgetLocked(customerId);
                } else {
                    customers.put(customerId, new Customer(left, customer.keptUntil()));
                }
                return true;
            }
        });
    }

    @Override
    public Mono<Integer> forget(String customerId) {
        return Mono.fromSupplier(() -> {
            synchronized (lock) {
                return forgetLocked(customerId);
            }
        });
    }

    /** The customer, unless it is gone or its retention passed (then it goes now). Under the lock. */
    private Customer live(String customerId) {
        Customer customer = customers.get(customerId);
        if (customer != null && !customer.keptUntil().isAfter(clock.instant())) {
            forgetLocked(customerId);
            return null;
        }
        return customer;
    }

    private String liveCustomerOf(String member) {
        String customerId = customerOf.get(member);
        return customerId != null && live(customerId) != null ? customerId : null;
    }

    private void sweepNow() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_PERIOD);
        customers.entrySet().stream().filter(e -> !e.getValue().keptUntil().isAfter(now)).map(Map.Entry::getKey).toList()
                .forEach(this::forgetLocked);
    }

    private int forgetLocked(String customerId) {
        Customer customer = customers.remove(customerId);
        if (customer == null) {
            return 0;
        }
        customer.members().forEach(m -> customerOf.remove(m, customerId));
        return customer.members().size();
    }
}
