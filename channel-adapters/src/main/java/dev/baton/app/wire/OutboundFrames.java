package dev.baton.app.wire;

import dev.baton.canned.InvalidCannedResponseException;
import dev.baton.conversation.AtCapacityException;
import dev.baton.customers.LinkRefusedException;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.handoff.AgentUnavailableException;
import dev.baton.handoff.FollowUpRefusedException;
import dev.baton.engine.AlreadyTakenException;
import dev.baton.engine.OtherTeamException;
import dev.baton.engine.UnknownTeamException;
import dev.baton.engine.InvalidTextException;
import dev.baton.engine.QuotedValue;
import dev.baton.engine.RatingRefusedException;
import dev.baton.engine.UnknownConversationException;
import dev.baton.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the frames both channels send ({@link OutboundFrame}) with the application's Jackson mapper, and turns
 * failures into {@code error} frames, so that an error looks the same to a visitor and an agent.
 */
public final class OutboundFrames {

    private static final Logger log = LoggerFactory.getLogger(OutboundFrames.class);

    /** The error code of a frame refused by a rate limit (see {@link RateLimitedException}). */
    public static final String RATE_LIMITED = "rate_limited";

    // One writer per frame, made now so that Jackson builds its serializers at start-up: built on first use, they
    // were built on event-loop threads, where Jackson's cache lock can make one wait for another.
    private final Map<Class<?>, ObjectWriter> writers;

    public OutboundFrames(ObjectMapper mapper) {
        this.writers = Arrays.stream(OutboundFrame.class.getPermittedSubclasses())
                .collect(Collectors.toUnmodifiableMap(Function.identity(), mapper::writerFor));
    }

    public String write(OutboundFrame frame) {
        return writers.get(frame.getClass()).writeValueAsString(frame);
    }

    /** The error frame for any failure; unexpected ones are logged and reported as {@code internal}. */
    public OutboundFrame.Error error(Throwable failure, Optional<String> conversationId) {
        if (failure instanceof RateLimitedException limited) {
            return new OutboundFrame.Error(RATE_LIMITED, limited.getMessage(),
                    limited.conversationId().or(() -> conversationId).map(QuotedValue::capped).orElse(null),
                    limited.retryAfter().toMillis(), limited.clientMessageId().map(QuotedValue::capped).orElse(null));
        }
        String code = code(failure);
        String message = switch (code) {
            case "internal" -> "something went wrong on our side; please try again";
            case "unavailable" -> "we cannot store messages right now; please try again in a moment";
            default -> failure.getMessage();
        };
        return new OutboundFrame.Error(code, message, conversationId.map(QuotedValue::capped).orElse(null), null, null);
    }

    /**
     * The error for a {@code message} (or any frame) the node has no room for right now: nothing was stored, and
     * the same frame sent again after {@code retryAfter} will most likely be taken.
     */
    public OutboundFrame.Error busy(Duration retryAfter, Optional<String> conversationId, Optional<String> clientMessageId) {
        return new OutboundFrame.Error("busy", "too many messages at once; nothing was stored; send it again in a moment",
                conversationId.map(QuotedValue::capped).orElse(null), retryAfter.toMillis(), clientMessageId.map(QuotedValue::capped).orElse(null));
    }

    private static String code(Throwable failure) {
        if (failure instanceof ProtocolException p) {
            return p.code();
        }
        if (failure instanceof InvalidTextException t) {
            return switch (t.problem()) {
                case EMPTY -> "empty_message";
                case TOO_LONG -> "message_too_long";
                case CONTACT_TOO_LONG -> "contact_too_long";
                case COMMENT_TOO_LONG -> "comment_too_long";
            };
        }
        if (failure instanceof RatingRefusedException r) {
            return switch (r.problem()) {
                case UNKNOWN_MESSAGE -> "unknown_message";
                case NOT_AN_ANSWER -> "not_an_answer";
                case ALREADY_RATED -> "already_rated";
                case INVALID_SCORE -> "invalid_score";
            };
        }
        if (failure instanceof InvalidCannedResponseException) {
            return "invalid_canned_response";
        }
        if (failure instanceof FollowUpRefusedException f) {
            return f.code();
        }
        if (failure instanceof LinkRefusedException) {
            return "link_refused";
        }
        if (failure instanceof AtCapacityException) {
            return "at_capacity";
        }
        if (failure instanceof AgentUnavailableException a) {
            return switch (a.problem()) {
                case UNKNOWN -> "unknown_agent";
                case OFFLINE -> "agent_offline";
                case AWAY -> "agent_away";
            };
        }
        if (failure instanceof UnknownConversationException) {
            return "unknown_conversation";
        }
        if (failure instanceof IllegalTransitionException) {
            return "not_allowed";
        }
        if (failure instanceof AlreadyTakenException) {
            return "already_taken";
        }
        if (failure instanceof OtherTeamException) {
            return "other_team";
        }
        if (failure instanceof UnknownTeamException) {
            return "unknown_team";
        }
        if (failure instanceof StoreUnavailableException) {
            // Nothing was stored, and a retry will work once the store is back.
            return "unavailable";
        }
        log.error("unexpected failure while handling a frame", failure);
        return "internal";
    }
}
