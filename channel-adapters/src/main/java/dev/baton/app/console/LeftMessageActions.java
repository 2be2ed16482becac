package dev.baton.app.console;

import dev.baton.app.wire.InboundFrame;
import dev.baton.app.wire.ProtocolException;
import dev.baton.conversation.AgentRef;
import dev.baton.engine.LeftMessageFollowUps;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * What an agent's console does with the messages visitors left: take one, answer it by email, or close it as handled
 * another way. Every console then gets the changed list through the {@code MessageLeft} event, this one included.
 */
final class LeftMessageActions {

    static final Set<String> TYPES = Set.of("claim_left_message", "email_left_message", "close_left_message");

    private final LeftMessageFollowUps followUps;

    LeftMessageActions(LeftMessageFollowUps followUps) {
        this.followUps = followUps;
    }

    Mono<Void> on(AgentRef agent, InboundFrame frame) {
        String id = frame.optionalId("id").orElseThrow(() -> new ProtocolException("missing_field", "\"id\" names the left message"));
        return switch (frame.type()) {
            case "claim_left_message" -> followUps.claim(id, agent.username()).then();
            case "email_left_message" -> followUps.replyByEmail(id, agent.username(), agent.displayName(), frame.requiredText("text")).then();
            default -> followUps.markHandled(id, agent.username(), frame.requiredText("note")).then();
        };
    }
}
