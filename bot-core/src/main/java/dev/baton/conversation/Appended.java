package dev.baton.conversation;

/**
 * What appending a message did: the stored message, and whether it was stored just now ({@code fresh}) or had
 * been before under the same client message id (a retried send, which must not be acted on twice).
 */
public record Appended(Message message, boolean fresh) {
}
