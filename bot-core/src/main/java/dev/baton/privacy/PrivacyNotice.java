package dev.baton.privacy;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The privacy notice the operator configured: shown in the widget before a visitor's first message (to accept), sent
 * on a messaging channel as a new conversation's first reply.
 *
 * @param version the notice's version, as the operator numbers it, recorded with each consent
 * @param text    the notice per language ({@code en}, {@code it}, …); at least one
 * @param link    where the full privacy policy is, if anywhere
 */
public record PrivacyNotice(String version, Map<String, String> text, Optional<String> link) {

    public PrivacyNotice {
        Objects.requireNonNull(version, "version");
        text = Map.copyOf(text);
        Objects.requireNonNull(link, "link");
        if (version.isBlank()) {
            throw new IllegalArgumentException("a privacy notice's version may not be blank");
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a privacy notice needs its text in at least one language");
        }
    }

    /** The notice in {@code language}, else in English, else in any language it has. */
    public String textIn(Optional<String> language) {
        return language.map(l -> text.get(l.toLowerCase(Locale.ROOT)))
                .or(() -> Optional.ofNullable(text.get("en")))
                .orElseGet(() -> text.values().stream().sorted().findFirst().orElseThrow());
    }
}
