package dev.baton.app.wire;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * One JSON frame from a client, with accessors that turn every mistake into a {@link ProtocolException}
 * naming the field, so a client author sees at once what to fix.
 */
public final class InboundFrame {

    private final JsonNode json;

    private InboundFrame(JsonNode json) {
        this.json = json;
    }

    public static InboundFrame parse(ObjectMapper mapper, String text) {
        JsonNode json;
        try {
            json = mapper.readTree(text);
        } catch (JacksonException e) {
            throw new ProtocolException("malformed_json", "the frame is not valid JSON: " + e.getOriginalMessage());
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

    /** An id a client chose, e.g. {@code clientMessageId}: short, so it cannot be used to bloat storage. */
    public Optional<String> optionalId(String field) {
        Optional<String> id = optionalText(field);
        if (id.isPresent() && (id.get().isEmpty() || id.get().length() > 64)) {
            throw new ProtocolException("missing_field", "\"" + field + "\" must be 1 to 64 characters");
        }
        return id;
    }
}
