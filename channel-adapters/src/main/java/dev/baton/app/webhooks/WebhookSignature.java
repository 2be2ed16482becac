package dev.baton.app.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code X-Baton-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} with a shared
 * secret. The time is signed with the body, so a receiver refuses a replay by its age (five minutes). One scheme for
 * everything Baton signs or checks: the events out, and the messages and replies of the signed webhook channel.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Baton-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, long epochSeconds, byte[] body) {
        return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, epochSeconds, body));
    }

    /** Whether {@code header} signs {@code body} with {@code secret} (a receiver's check, as the README shows it). */
    public static boolean verifies(String header, String secret, byte[] body) {
        return signedAt(header, secret, body).isPresent();
    }

    /**
     * When {@code header} says {@code body} was signed, if it signs it with {@code secret}; empty for a header that
     * is missing, unreadable or signs something else. Compared in constant time.
     */
    public static Optional<Instant> signedAt(String header, String secret, byte[] body) {
        if (header == null) {
            return Optional.empty();
        }
        long t = -1;
        String v1 = null;
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=") && p.substring(2).matches("\\d{1,12}")) {
                t = Long.parseLong(p.substring(2));
            } else if (p.startsWith("v1=")) {
                v1 = p.substring(3);
            }
        }
        boolean signs = t >= 0 && v1 != null && MessageDigest.isEqual(
                HexFormat.of().formatHex(hmac(secret, t, body)).getBytes(StandardCharsets.US_ASCII), v1.getBytes(StandardCharsets.US_ASCII));
        return signs ? Optional.of(Instant.ofEpochSecond(t)) : Optional.empty();
    }

    private static byte[] hmac(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
