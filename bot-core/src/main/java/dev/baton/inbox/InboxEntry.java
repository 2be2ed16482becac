package dev.baton.inbox;

import dev.baton.nlu.TextNormalizer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One visitor message that lands in the trainer's inbox.
 *
 * @param text    what the visitor wrote, personal data redacted
 * @param tokens  its normalised words, distinct and sorted: what grouping compares
 * @param guesses the bot's best intents for it, best first
 */
public record InboxEntry(String text, String language, List<String> tokens, List<IntentGuess> guesses, InboxReason reason,
                         String conversationId, Instant at) {

    public InboxEntry {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        tokens = List.copyOf(tokens);
        guesses = List.copyOf(guesses);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(at, "at");
    }

    /** The entry of {@code redactedText}, its tokens read as the classifier reads the language. */
    public static InboxEntry of(String redactedText, String language, List<IntentGuess> guesses, InboxReason reason,
                                String conversationId, Instant at) {
        List<String> tokens = List.copyOf(new TreeSet<>(TextNormalizer.forLanguage(language).tokens(redactedText)));
        return new InboxEntry(redactedText, language, tokens, guesses, reason, conversationId, at);
    }

    /**
     * The id of the wording this entry counts towards: the same for every message of the language with the same
     * words, whatever their case, accents, punctuation, order or repetition ("Where is my order?" and "my order -
     * where is it" meet; so do two order numbers, which the normaliser reads alike).
     */
    public String wordingId() {
        String key = language + "\n" + String.join(" ", tokens);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "w-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
