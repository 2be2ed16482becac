package dev.baton.canned;

import dev.baton.engine.MessageText;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reply agents keep ready: typed as {@code /shortcut} in the reply box, or picked from a list, then edited and sent.
 * Its text may hold the variables {@code {visitor_name}}, {@code {agent_name}} and {@code {order_number}}, which the
 * console fills for the conversation at hand.
 *
 * @param owner for a {@link Scope#PERSONAL personal} one, the agent's username; empty for a shared one
 */
public record CannedResponse(Scope scope, Optional<String> owner, String language, String shortcut, String text) {

    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    /** Whom a canned response is for: every agent, or the one who wrote it. */
    public enum Scope { SHARED, PERSONAL }

    /** Refuses what no console could use: an unreadable shortcut or language, an empty or over-long text. */
    public CannedResponse {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(owner, "owner");
        if ((scope == Scope.PERSONAL) != owner.isPresent()) {
            throw new IllegalArgumentException("a personal canned response has an owner, a shared one none");
        }
        if (shortcut == null || !SHORTCUT.matcher(shortcut).matches()) {
            throw new InvalidCannedResponseException("a shortcut is 1-32 of a-z, 0-9, '_' and '-', starting with a letter or digit");
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new InvalidCannedResponseException("a language is a code of two or three letters a-z, e.g. 'en'");
        }
        text = MessageText.validated(text);
    }

    public static CannedResponse shared(String language, String shortcut, String text) {
        return new CannedResponse(Scope.SHARED, Optional.empty(), language, shortcut, text);
    }

    public static CannedResponse personal(String owner, String language, String shortcut, String text) {
        return new CannedResponse(Scope.PERSONAL, Optional.of(owner), language, shortcut, text);
    }

    /** What tells canned responses apart: a second one with the same key replaces the first. */
    public Key key() {
        return new Key(scope, owner, language, shortcut);
    }

    /** One canned response's place: its scope and owner, its language and its shortcut. */
    public record Key(Scope scope, Optional<String> owner, String language, String shortcut) {
        public Key {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(shortcut, "shortcut");
        }
    }
}
