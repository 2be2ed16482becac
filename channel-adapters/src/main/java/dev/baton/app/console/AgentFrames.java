package dev.baton.app.console;

import dev.baton.app.wire.InboundFrame;
import dev.baton.app.wire.ProtocolException;
import dev.baton.canned.CannedResponse;
import dev.baton.customers.LinkTarget;

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

    /** A {@code save_canned}: a canned response to add, or to replace the one with its scope, language and shortcut. */
    record SaveCanned(CannedResponse.Scope scope, String language, String shortcut, String text) {
        static SaveCanned read(InboundFrame frame) {
            return new SaveCanned(readScope(frame), frame.requiredText("language"), frame.requiredText("shortcut"), frame.requiredText("text"));
        }

        CannedResponse by(String username) {
            return new CannedResponse(scope, scope == CannedResponse.Scope.PERSONAL ? Optional.of(username) : Optional.empty(),
                    language, shortcut, text);
        }
    }

    /** A {@code delete_canned}: the canned response with this scope, language and shortcut goes. */
    record DeleteCanned(CannedResponse.Scope scope, String language, String shortcut) {
        static DeleteCanned read(InboundFrame frame) {
            return new DeleteCanned(readScope(frame), frame.requiredText("language"), frame.requiredText("shortcut"));
        }

        CannedResponse.Key by(String username) {
            return new CannedResponse.Key(scope, scope == CannedResponse.Scope.PERSONAL ? Optional.of(username) : Optional.empty(),
                    language, shortcut);
        }
    }

    private static CannedResponse.Scope readScope(InboundFrame frame) {
        return switch (frame.requiredText("scope")) {
            case "shared" -> CannedResponse.Scope.SHARED;
            case "personal" -> CannedResponse.Scope.PERSONAL;
            default -> throw new ProtocolException("missing_field", "scope must be \"shared\" or \"personal\"");
        };
    }

    /** A {@code link_customer}: the conversation's visitor is the customer found {@code by} visitor id, email or phone. */
    record LinkCustomer(LinkTarget target) {
        static LinkCustomer read(InboundFrame frame) {
            return new LinkCustomer(LinkTarget.of(frame.requiredText("by"), frame.requiredText("value")));
        }
    }

    /** An internal {@code note} on {@code conversationId}, for agents only. */
    record Note(String conversationId, String text, Optional<String> clientMessageId) {
        static Note read(InboundFrame frame) {
            return new Note(frame.requiredConversationId(), frame.requiredText("text"), frame.optionalId("clientMessageId"));
        }
    }

    /**
     * A {@code transfer} of {@code conversationId} to the agent {@code to} or to the queue of the {@code team}, exactly
     * one of them, with a note for whoever takes it next.
     */
    record Transfer(String conversationId, Optional<String> to, Optional<String> team, Optional<String> note) {
        static Transfer read(InboundFrame frame) {
            Optional<String> to = frame.optionalText("to").filter(t -> !t.isBlank());
            Optional<String> team = frame.optionalText("team").filter(t -> !t.isBlank());
            if (to.isPresent() == team.isPresent()) {
                throw new ProtocolException("missing_field", "a transfer names either an agent (\"to\") or a team (\"team\")");
            }
            return new Transfer(frame.requiredConversationId(), to, team, frame.optionalText("note"));
        }
    }

    /** A {@code set_status}: the agent is taking conversations ({@code online}) or not ({@code away}). */
    record SetStatus(boolean away) {
        static SetStatus read(InboundFrame frame) {
            return switch (frame.requiredText("status")) {
                case "online" -> new SetStatus(false);
                case "away" -> new SetStatus(true);
                default -> throw new ProtocolException("missing_field", "\"status\" must be \"online\" or \"away\"");
            };
        }
    }
}
