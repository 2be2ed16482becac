package dev.baton.customers;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which visitors are one customer: in memory on one node, in Redis across many. A customer is an id and its members,
 * each a visitor id (one per channel the customer wrote on) or a contact verified as theirs (see {@link Customers} for
 * how members are named); a member belongs to one customer at most. Links are kept for the conversations' retention
 * from when the customer's latest link was made or confirmed.
 */
public interface CustomerLinks {

    /** The customer {@code member} belongs to; empty when it is linked to none. */
    Mono<String> customerOf(String member);

    /** The customer's members, in no particular order; empty for a customer there is not. */
    Flux<String> membersOf(String customerId);

    /**
     * Records that two members are one customer, in one atomic step: {@code member} joins {@code other}'s customer, or
     * {@code other} joins {@code member}'s, or, when neither has one, both become the customer {@code newCustomerId}.
     * When each already had a customer of their own, {@code member}'s merges into {@code other}'s: all its members
     * move. Linking two members already together confirms it. Every member of the customer is then kept the full
     * retention again. Emits the customer they now share.
     */
    Mono<String> link(String member, String other, String newCustomerId);

    /**
     * Takes {@code member} out of its customer; a customer left with a single member is dissolved, since it links
     * nothing. Emits whether the member was linked.
     */
    Mono<Boolean> unlink(String member);

    /** Forgets the customer and every link to it (an erasure); emits how many members it had, 0 for none. */
    Mono<Integer> forget(String customerId);
}
