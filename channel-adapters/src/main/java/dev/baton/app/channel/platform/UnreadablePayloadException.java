package dev.baton.app.channel.platform;

/** A webhook's payload is not what its platform sends: not JSON, or without what every payload has. */
public final class UnreadablePayloadException extends RuntimeException {

    public UnreadablePayloadException(String reason) {
        super(reason);
    }
}
