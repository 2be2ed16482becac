package dev.baton.store;

/**
 * The shared store could not do what was asked right now (it cannot be reached, or did not answer in time): nothing
 * was stored, and the same request may succeed once it is back. Store adapters translate their client's failures
 * into this, so that the layers above them never depend on a store's client library.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
