package dev.baton.app.widget;

import dev.baton.app.wire.InboundFrame;
import dev.baton.conversation.VisitorContext;
import dev.baton.app.wire.ProtocolException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The frames a visitor's client sends that carry fields, one record each, as docs/protocol.md lists them. Each is
 * read from the frame Jackson parsed through {@link InboundFrame}'s checked accessors rather than bound directly:
 * binding turns a number into a string and reports a wrong field in Jackson's terms, where a client author must be
 * told the protocol's error code and the field's name.
 */
final class VisitorFrames {

    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private VisitorFrames() {
    }

    /** @param browser what the visitor's browser tells of itself: page, referrer, user agent, time zone (all optional) */
    record Hello(String visitorId, Optional<String> visitorToken, Optional<String> conversationId, Optional<String> language,
                 long lastSeenId, VisitorContext browser) {
        static Hello read(InboundFrame frame) {
            String visitorId = frame.requiredText("visitorId");
            if (!VISITOR_ID.matcher(visitorId).matches()) {
                throw new ProtocolException("invalid_visitor_id", "\"visitorId\" must be 8 to 64 characters of A-Z, a-z, 0-9, _ and -");
            }
            return new Hello(visitorId, frame.optionalText("visitorToken"), frame.optionalConversationId(), frame.optionalText("language"),
                    frame.optionalLong("lastSeenId", 0), VisitorContext.fromBrowser(frame.optionalText("page"),
                    frame.optionalText("referrer"), frame.optionalText("userAgent"), frame.optionalText("timeZone")));
        }
    }

    /** A {@code message}: what the visitor said, or the quick reply they pressed ({@code payload}). */
    record Said(String text, Optional<String> clientMessageId, Optional<String> payload) {
        static Said read(InboundFrame frame) {
            return new Said(frame.requiredText("text"), frame.optionalId("clientMessageId"), frame.optionalText("payload"));
        }
    }

    record LeaveMessage(String text, Optional<String> contact) {
        static LeaveMessage read(InboundFrame frame) {
            return new LeaveMessage(frame.requiredText("text"), frame.optionalText("contact"));
        }
    }

    /** A {@code feedback}: whether one of the bot's answers helped. */
    record Feedback(long messageId, boolean helpful) {
        static Feedback read(InboundFrame frame) {
            return new Feedback(frame.requiredPositiveLong("messageId"), frame.requiredBoolean("helpful"));
        }
    }

    /**
     * A {@code rate_conversation}: how satisfied the visitor was with a conversation an agent resolved. The score is
     * read as any whole number, so that one out of range is refused as an invalid score rather than a malformed field.
     */
    record RateConversation(long score, Optional<String> comment) {
        static RateConversation read(InboundFrame frame) {
            return new RateConversation(frame.requiredWholeNumber("score"), frame.optionalText("comment"));
        }
    }

    record NewConversation(Optional<String> language) {
        static NewConversation read(InboundFrame frame) {
            return new NewConversation(frame.optionalText("language"));
        }
    }
}
