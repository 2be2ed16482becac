package dev.baton.conversation;

import java.util.Objects;

/**
 * A button offered with a message. Pressing it sends {@code label} as the visitor's text and
 * {@code payload} so the bot knows exactly what was meant (e.g. {@code intent:returns}, {@code handoff}).
 */
public record QuickReply(String label, String payload) {

    public static final String HANDOFF_PAYLOAD = "handoff";
    private static final String INTENT_PREFIX = "intent:";

    public QuickReply {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(payload, "payload");
    }

    public static QuickReply forIntent(String label, String intentId) {
        return new QuickReply(label, INTENT_PREFIX + intentId);
    }

    /** The intent a payload names, or {@code null}-free empty when the payload is not an intent choice. */
    public static java.util.Optional<String> intentOf(String payload) {
        return payload != null && payload.startsWith(INTENT_PREFIX)
                ? java.util.Optional.of(payload.substring(INTENT_PREFIX.length()))
                : java.util.Optional.empty();
    }
}
