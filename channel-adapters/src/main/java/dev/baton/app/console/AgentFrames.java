package dev.baton.app.console;

import dev.baton.app.wire.InboundFrame;

import java.util.Optional;

/**
 * The frames an agent's console sends that carry more than a conversation id, one record each, as docs/protocol.md
 * lists them; read like the visitor's frames (see {@code VisitorFrames}), through {@link InboundFrame}'s checked
 * accessors, so that a wrong field is answered with the protocol's error code and the field's name.
 */
final class AgentFrames {

    private AgentFrames() {
    }

    /** A {@code message} to the visitor of {@code conversationId}. */
    record Reply(String conversationId, String text, Optional<String> clientMessageId) {
        static Reply read(InboundFrame frame) {
            return new Reply(frame.requiredConversationId(), frame.requiredText("text"), frame.optionalId("clientMessageId"));
        }
    }

    /** An internal {@code note} on {@code conversationId}, for agents only. */
    record Note(String conversationId, String text, Optional<String> clientMessageId) {
        static Note read(InboundFrame frame) {
            return new Note(frame.requiredConversationId(), frame.requiredText("text"), frame.optionalId("clientMessageId"));
        }
    }
}
