package dev.baton.app.load;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON the load generator needs, kept cheap because the generator shares the machine with the server:
 * outgoing frames are built from pre-quoted strings, incoming frames are read with the streaming parser into
 * the few fields that matter.
 */
final class LoadJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonFactory FACTORY = new JsonFactory();

    private LoadJson() {
    }

    /** {@code text} as a JSON string literal, quotes included. */
    static String quote(String text) {
        return MAPPER.writeValueAsString(text);
    }

    /** The fields of a Baton server frame that the generator looks at; absent ones are null or -1. */
    static final class Frame {
        String type;
        String conversationId;
        String state;
        String code;
        long messageId = -1;
        String from;
        String clientMessageId;
        /** A {@code busy} error's hint; -1 when absent. */
        long retryAfterMs = -1;
        String text;
        List<Long> transcriptIds = List.of();
    }

    static Frame parse(String json) {
        Frame frame = new Frame();
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object: " + json);
            }
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "type" -> frame.type = stringOrNull(parser, value);
                    case "conversationId" -> frame.conversationId = stringOrNull(parser, value);
                    case "state" -> frame.state = stringOrNull(parser, value);
                    case "code" -> frame.code = stringOrNull(parser, value);
                    // A busy error names the refused message at the top level (a message frame inside "message").
                    case "clientMessageId" -> frame.clientMessageId = stringOrNull(parser, value);
                    case "retryAfterMs" -> frame.retryAfterMs = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
                    case "message" -> {
                        if (value == JsonToken.START_OBJECT) {
                            readMessage(parser, frame);
                        } else {
                            // an error frame's human-readable "message"
                            parser.skipChildren();
                        }
                    }
                    case "messages" -> {
                        if (value == JsonToken.START_ARRAY) {
                            frame.transcriptIds = new ArrayList<>();
                            while (parser.nextToken() == JsonToken.START_OBJECT) {
                                Frame one = new Frame();
                                readMessage(parser, one);
                                frame.transcriptIds.add(one.messageId);
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
        return frame;
    }

    /** Reads a message object; the parser stands on its START_OBJECT and is left on its END_OBJECT. */
    private static void readMessage(JsonParser parser, Frame frame) {
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "id" -> frame.messageId = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
                case "from" -> frame.from = stringOrNull(parser, value);
                case "clientMessageId" -> frame.clientMessageId = stringOrNull(parser, value);
                case "text" -> frame.text = stringOrNull(parser, value);
                default -> parser.skipChildren();
            }
        }
    }

    private static String stringOrNull(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }
}
