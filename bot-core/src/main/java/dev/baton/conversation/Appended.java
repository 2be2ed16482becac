package dev.baton.conversation;

import java.util.Optional;

/**
 * What appending a message did: the stored message, and whether it was stored just now ({@code fresh}) or had
 * been before (a retried send, which must not be acted on twice; or an answer to a message that already had one,
 * and then {@code message} is that earlier answer).
 *
 * @param reply for a retried visitor message, the answer already stored to it, if any: so that a retried send can
 *              be acknowledged with everything its sender may have missed
 */
public record Appended(Message message, boolean fresh, Optional<Message> reply) {

    public Appended(Message message, boolean fresh) {
        this(message, fresh, Optional.empty());
    }
}
