package dev.baton.customers;

/** An agent's link or unlink that cannot be made, and why (a visitor Baton does not know, the visitor itself, …). */
public final class LinkRefusedException extends RuntimeException {

    public LinkRefusedException(String message) {
        super(message);
    }
}
