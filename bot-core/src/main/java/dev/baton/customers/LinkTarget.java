package dev.baton.customers;

import dev.baton.customers.Contact;

import java.util.Locale;
import java.util.Objects;

/**
 * Who an agent says a conversation's visitor is: another visitor (by their visitor id, as the console shows it), or
 * the customer with an email address or phone number — the agent's word that it is theirs.
 */
public record LinkTarget(Kind kind, String value) {

    public enum Kind { VISITOR, EMAIL, PHONE }

    public LinkTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads what the console sent: {@code by} is {@code visitor}, {@code email} or {@code phone}. Refused with
     * {@link LinkRefusedException} when {@code by} is none of them or the value is not what it says.
     */
    public static LinkTarget of(String by, String value) {
        Kind kind;
        try {
            kind = Kind.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new LinkRefusedException("a customer is found by \"visitor\", \"email\" or \"phone\", not \"" + by + "\"");
        }
        String trimmed = value.strip();
        try {
            return switch (kind) {
                case VISITOR -> {
                    if (trimmed.isEmpty() || trimmed.length() > 200 || trimmed.contains("/") || trimmed.contains("{") || trimmed.contains("}")) {
                        throw new IllegalArgumentException("not a visitor id: " + trimmed);
                    }
                    yield new LinkTarget(kind, trimmed);
                }
                case EMAIL -> new LinkTarget(kind, Contact.email(trimmed).value());
                case PHONE -> new LinkTarget(kind, Contact.phone(trimmed).value());
            };
        } catch (IllegalArgumentException notWhatItSays) {
            throw new LinkRefusedException(notWhatItSays.getMessage());
        }
    }

    /** How the link store names it. */
    String member() {
        return switch (kind) {
            case VISITOR -> value;
            case EMAIL -> Customers.member(new Contact(Contact.Kind.EMAIL, value));
            case PHONE -> Customers.member(new Contact(Contact.Kind.PHONE, value));
        };
    }

    /** For the audit log: how the customer was found, never the value (personal data). */
    String how() {
        return "by " + kind.name().toLowerCase(Locale.ROOT) + (kind == Kind.VISITOR ? " id" : "");
    }
}
