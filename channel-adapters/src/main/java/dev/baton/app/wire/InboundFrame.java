package dev.baton.app.wire;

import dev.baton.app.json.ParserMessages;
import dev.baton.engine.UnknownConversationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One JSON frame from a client, with accessors that turn every mistake into a {@link ProtocolException}
 * naming the field, so a client author sees at once what to fix.
 */
public final class InboundFrame {

    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final JsonNode json;

    private InboundFrame(JsonNode json) {
        this.json = json;
    }

    public static InboundFrame parse(ObjectMapper mapper, String text) {
        JsonNode json;
        try {
            json = mapper.readTree(text);
        } catch (JacksonException e) {
            throw new ProtocolException("malformed_json", "the frame is not valid JSON: " + ParserMessages.of(e));
        }
        if (json == null || !json.isObject()) {
            throw new ProtocolException("malformed_json", "a frame must be a JSON object");
        }
        return new InboundFrame(json);
    }

    public String type() {
        JsonNode type = json.get("type");
        if (type == null || !type.isString()) {
            throw new ProtocolException("unknown_type", "the frame has no \"type\"");
        }
        return type.stringValue();
    }

    public String requiredText(String field) {
        return optionalText(field).orElseThrow(
                () -> new ProtocolException("missing_field", "\"" + field + "\" is required and must be a string"));
    }

    public Optional<String> optionalText(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new ProtocolException("missing_field", "\"" + field + "\" must be a string");
        }
        return Optional.of(value.stringValue());
    }

    /** The field when it is a string; empty otherwise, never an error: for echoing what a refused frame said. */
    public Optional<String> lenientText(String field) {
        JsonNode value = json.get(field);
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    public long optionalLong(String field, long absent) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new ProtocolException("missing_field", "\"" + field + "\" must be a whole number ≥ 0");
        }
        return value.asLong();
    }

    /** A whole number of at least 1, e.g. a message id. */
    public long requiredPositiveLong(String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
            throw new ProtocolException("missing_field", "\"" + field + "\" is required and must be a whole number ≥ 1");
        }
        return value.asLong();
    }

    /** A whole number, of any sign: for a value whose range the domain checks and names. */
    public long requiredWholeNumber(String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ProtocolException("missing_field", "\"" + field + "\" is required and must be a whole number");
        }
        return value.asLong();
    }

    public boolean requiredBoolean(String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isBoolean()) {
            throw new ProtocolException("missing_field", "\"" + field + "\" is required and must be true or false");
        }
        return value.booleanValue();
    }

    /**
     * A conversation id, checked before it reaches a store: ids are ours ({@code c-} and a UUID), so anything
     * else — braces, which Redis Cluster reads as a hash tag, above all — names no conversation.
     */
    public Optional<String> optionalConversationId() {
        return optionalText("conversationId").filter(id -> CONVERSATION_ID.matcher(id).matches());
    }

    /** {@link #optionalConversationId()}, required: an id that is missing is an error, one that is malformed unknown. */
    public String requiredConversationId() {
        String id = requiredText("conversationId");
        if (!CONVERSATION_ID.matcher(id).matches()) {
            throw new UnknownConversationException(id);
        }
        return id;
    }

    /** An id a client chose, e.g. {@code clientMessageId}: short, so it cannot be used to bloat storage. */
    public Optional<String> optionalId(String field) {
        Optional<String> id = optionalText(field);
        if (id.isPresent() && (id.get().isEmpty() || id.get().length() > 64)) {
            throw new ProtocolException("missing_field", "\"" + field + "\" must be 1 to 64 characters");
        }
        return id;
    }
}
