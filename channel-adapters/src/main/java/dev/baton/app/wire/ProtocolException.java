package dev.baton.app.wire;

/** A frame the protocol refuses; {@code code} is one of the error codes in docs/protocol.md. */
public final class ProtocolException extends RuntimeException {

    private final String code;

    public ProtocolException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
