package dev.baton.customers;

import java.util.List;
import java.util.Objects;

/**
 * A customer known on several channels, as agents see it.
 *
 * @param visitorIds the visitors linked as this customer, in a stable order
 * @param contacts   how many email addresses and phone numbers are linked to it (verified by a channel, or given by an
 *                   agent)
 */
public record Customer(String id, List<String> visitorIds, int contacts) {

    public Customer {
        Objects.requireNonNull(id, "id");
        visitorIds = List.copyOf(visitorIds);
    }
}
