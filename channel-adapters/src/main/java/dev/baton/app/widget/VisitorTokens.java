package dev.baton.app.widget;

import dev.baton.app.wire.ProtocolException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The server's word that a visitor id is the visitor's: an HMAC of the id under a secret every node shares
 * ({@link dev.baton.store.SharedSecrets}), issued in every {@code welcome} and shown again in {@code hello} to resume a
 * conversation. Without it the visitor id, chosen by the client, was the only thing between a conversation and
 * anyone who learnt the id. Clients that do not send one yet keep working until {@code baton.visitors.require-token}
 * is turned on (see docs/protocol.md); a token that does not match is refused whatever that setting says.
 */
final class VisitorTokens {

    static final String PREFIX = "vt1.";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final boolean required;

    VisitorTokens(byte[] secret, boolean required) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.required = required;
    }

    String issue(String visitorId) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(visitorId));
    }

    /**
     * Lets the {@code hello} through, or says why not: a token that is not this visitor's, or none when one is
     * required to resume a conversation.
     */
    void check(String visitorId, Optional<String> token, boolean resuming) {
        if (token.isPresent()) {
            if (!matches(visitorId, token.get())) {
                throw new ProtocolException("invalid_visitor_token",
                        "\"visitorToken\" is not this visitor's: start afresh with a new visitorId and no token");
            }
        } else if (required && resuming) {
            throw new ProtocolException("visitor_token_required",
                    "resuming a conversation needs the \"visitorToken\" the welcome frame gave");
        }
    }

    /**
     * Refuses unless {@code token} is this visitor's, whatever the deprecation period lets a {@code hello} do: what
     * reading or erasing their data takes.
     */
    void requireMatching(String visitorId, Optional<String> token) {
        if (token.isEmpty()) {
            throw new ProtocolException("visitor_token_required", "this needs the \"visitorToken\" the welcome frame gave");
        }
        check(visitorId, token, true);
    }

    private boolean matches(String visitorId, String token) {
        if (!token.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(visitorId));
    }

    /** A Mac per call: they are not thread-safe, and a hello is rare next to the messages that follow it. */
    private byte[] mac(String visitorId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(visitorId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
