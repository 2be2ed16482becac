package dev.baton.engine;

import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;

import java.util.Optional;

/**
 * What a bot turn reads of an earlier message: who sent it, its text (a repeated question) and the intent a bot
 * answer answered (answer rotation). Why not the {@link Message}: a node keeps the last messages of every
 * conversation it serves, and whole messages (timestamps, buttons, client ids) were most of what a young
 * garbage collection of a busy node had to copy, so most of its pause. A bot's text is the intent database's own
 * string, so keeping it costs nothing.
 */
record RecentMessage(long id, Sender from, String text, Optional<String> intent) {

    static RecentMessage of(Message message) {
        return new RecentMessage(message.id(), message.from(), message.text(), message.intent());
    }
}
