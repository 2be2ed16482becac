package dev.baton.engine;

import java.util.Optional;

/**
 * A visitor said something.
 *
 * @param payload      what a pressed quick reply means ({@code intent:returns}, {@code handoff})
 * @param languageHint the page's or browser's language, used when the text alone does not tell
 */
public record VisitorMessage(String conversationId, String visitorId, String text,
                             Optional<String> clientMessageId, Optional<String> payload,
                             Optional<String> languageHint) {
}
