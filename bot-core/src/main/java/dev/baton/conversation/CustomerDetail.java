package dev.baton.conversation;

/**
 * A fact the customer already gave, shown to the agent so that nobody asks twice.
 *
 * @param kind  {@code order_number}, {@code tracking_number} (a parcel's), {@code email}, {@code phone} or {@code card}
 * @param value as shown to agents: order and tracking numbers verbatim, personal data redacted
 */
public record CustomerDetail(String kind, String value) {
}
