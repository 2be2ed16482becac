package dev.baton.app.wire;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.conversation.Message;
import dev.baton.conversation.QuickReply;
import dev.baton.engine.AlreadyTakenException;
import dev.baton.engine.InvalidTextException;
import dev.baton.engine.UnknownConversationException;
import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.QueueStatus;
import dev.baton.handoff.Sighting;
import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.baton.json.JsonText;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.util.RawValue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Builds the JSON frames both channels send, so that a message, a summary or an error looks the same to a
 * visitor and an agent. The shapes are documented in docs/protocol.md.
 */
public final class OutboundFrames {

    private static final Logger log = LoggerFactory.getLogger(OutboundFrames.class);

    private final ObjectMapper mapper;

    public OutboundFrames(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Map<String, ?> frame) {
        return mapper.writeValueAsString(frame);
    }

    public Map<String, Object> frame(String type) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        return frame;
    }

    /**
     * The frame that pushes one message: the frame sent most, once per message to every socket that follows its
     * conversation, so it is written straight to text rather than built as a map first.
     */
    public String messageFrame(Message message) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringProperty("type", "message");
            g.writeStringProperty("conversationId", message.conversationId());
            g.writeName("message");
            writeMessage(g, message);
            g.writeEndObject();
        });
    }

    /** Messages as a JSON array, to put into a frame (a welcome's or a transcript's). */
    public RawValue messages(List<Message> messages) {
        return new RawValue(write(g -> {
            g.writeStartArray();
            messages.forEach(m -> writeMessage(g, m));
            g.writeEndArray();
        }));
    }

    private void writeMessage(JsonGenerator g, Message message) {
        g.writeStartObject();
        g.writeNumberProperty("id", message.id());
        g.writeStringProperty("from", lower(message.from()));
        g.writeStringProperty("text", message.text());
        g.writeArrayPropertyStart("quickReplies");
        for (QuickReply reply : message.quickReplies()) {
            g.writeStartObject();
            g.writeStringProperty("label", reply.label());
            g.writeStringProperty("payload", reply.payload());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringProperty("at", message.at().toString());
        g.writeStringProperty("agentName", message.authorName().orElse(null));
        g.writeStringProperty("clientMessageId", message.clientMessageId().orElse(null));
        if (message.replyTo().isPresent()) {
            g.writeNumberProperty("replyTo", message.replyTo().getAsLong());
        } else {
            g.writeNullProperty("replyTo");
        }
        g.writeEndObject();
    }

    private String write(Consumer<JsonGenerator> body) {
        return JsonText.write(mapper, body);
    }

    public Map<String, Object> queue(Optional<QueueStatus> status) {
        return status.map(s -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("position", s.position());
            // With nobody online any estimate would be a guess dressed up as a promise.
            json.put("estimatedWaitSeconds", s.agentsOnline() == 0 ? null : s.estimatedWaitSeconds());
            json.put("agentsOnline", s.agentsOnline());
            return json;
        }).orElse(null);
    }

    /** Whether the conversation's visitor is online, or since when they are gone: {@code visitorOnline}, {@code visitorLastSeen}. */
    public Map<String, Object> withVisitor(Map<String, Object> json, Sighting visitor) {
        json.put("visitorOnline", visitor.online());
        json.put("visitorLastSeen", visitor.lastSeen().map(Object::toString).orElse(null));
        return json;
    }

    public Map<String, Object> summary(Optional<HandoffSummary> maybeSummary) {
        if (maybeSummary.isEmpty()) {
            return null;
        }
        HandoffSummary summary = maybeSummary.get();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customerWants", summary.customerWants());
        json.put("intents", summary.intents().stream()
                .map(i -> Map.of("intent", i.intent(), "title", i.title(), "confidence", Math.round(i.confidence() * 1000) / 1000.0))
                .toList());
        json.put("reason", summary.reason().name());
        json.put("reasonText", summary.reason().explanation());
        json.put("language", summary.language());
        json.put("languageNote", summary.languageNote().orElse(null));
        json.put("mood", summary.mood().name());
        json.put("moodSignals", summary.moodSignals());
        json.put("details", summary.details().stream().map(d -> Map.of("kind", d.kind(), "value", d.value())).toList());
        json.put("botTried", summary.botTried());
        json.put("waitingSince", summary.waitingSince().toString());
        json.put("previousConversations", summary.previousConversations());
        return json;
    }

    public Map<String, Object> state(Conversation conversation, Optional<QueueStatus> queue) {
        Map<String, Object> frame = frame("state");
        frame.put("conversationId", conversation.id());
        frame.put("state", conversation.state().name());
        frame.put("queue", queue(queue));
        frame.put("agentName", conversation.agent().map(a -> a.displayName()).orElse(null));
        return frame;
    }

    public Map<String, Object> leftMessage(LeftMessage left) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", left.id());
        json.put("conversationId", left.conversationId());
        json.put("text", left.text());
        json.put("contact", left.contact().orElse(null));
        json.put("language", left.language());
        json.put("at", left.at().toString());
        return json;
    }

    /** The error frame for any failure; unexpected ones are logged and reported as {@code internal}. */
    public Map<String, Object> error(Throwable failure, Optional<String> conversationId) {
        Map<String, Object> frame = frame("error");
        String code = code(failure);
        frame.put("code", code);
        frame.put("message", switch (code) {
            case "internal" -> "something went wrong on our side; please try again";
            case "unavailable" -> "we cannot store messages right now; please try again in a moment";
            default -> failure.getMessage();
        });
        conversationId.ifPresent(id -> frame.put("conversationId", id));
        return frame;
    }

    /**
     * The error for a {@code message} (or any frame) the node has no room for right now: nothing was stored, and
     * the same frame sent again after {@code retryAfter} will most likely be taken.
     */
    public Map<String, Object> busy(Duration retryAfter, Optional<String> conversationId, Optional<String> clientMessageId) {
        Map<String, Object> frame = frame("error");
        frame.put("code", "busy");
        frame.put("message", "too many messages at once; nothing was stored; send it again in a moment");
        frame.put("retryAfterMs", retryAfter.toMillis());
        conversationId.ifPresent(id -> frame.put("conversationId", id));
        clientMessageId.ifPresent(id -> frame.put("clientMessageId", id));
        return frame;
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
        if (failure instanceof RedisException || failure instanceof TimeoutException) {
            // The shared store is unreachable: nothing was stored, and a retry will work once it is back.
            return "unavailable";
        }
        log.error("unexpected failure while handling a frame", failure);
        return "internal";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
