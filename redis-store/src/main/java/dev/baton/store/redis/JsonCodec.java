package dev.baton.store.redis;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationEvent;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.CustomerDetail;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.IntentCandidate;
import dev.baton.conversation.Message;
import dev.baton.conversation.Mood;
import dev.baton.conversation.QuickReply;
import dev.baton.conversation.Sender;
import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.Sighting;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.json.JsonText;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The JSON Baton keeps in Redis and sends between nodes, written and read field by field, so that renaming a
 * record component in the domain never silently changes what is stored.
 *
 * <p>Versioning: every top-level document carries {@code "v": 1}. Readers ignore fields they do not know, and an
 * absent optional field or list reads as empty, so a newer node may add fields without breaking older ones; a
 * change that older nodes cannot read must bump {@code v}. Optional values are written only when present;
 * instants are ISO-8601 strings; enums are their names. An event of a type this node does not know decodes to
 * empty, so a rolling upgrade that adds an event type does not break the nodes still on the old version.
 *
 * <p>Everything is written with Jackson's streaming generator, and messages and events (what a busy node reads most)
 * are read with its streaming parser: building a tree for each was most of the JSON work and of the garbage of a
 * node at 5,000 messages per second. Conversations, read only when another node changed them, are read as trees.
 */
final class JsonCodec {

    static final int VERSION = 1;
    /** How {@link #encode(Message)} starts for a message with id 0, so a script can put the real id in its place. */
    static final String MESSAGE_WITHOUT_ID = "{\"id\":0,";

    private final JsonMapper mapper = JsonMapper.builder().build();

    // ---- conversations

    String encode(Conversation c) {
        return write(g -> writeConversation(g, c));
    }

    Conversation decodeConversation(String json) {
        return conversation(read(json));
    }

    private void writeConversation(JsonGenerator g, Conversation c) {
        g.writeStartObject();
        g.writeNumberProperty("v", VERSION);
        g.writeStringProperty("id", c.id());
        g.writeStringProperty("visitorId", c.visitorId());
        g.writeStringProperty("state", c.state().name());
        writeOptional(g, "language", c.language());
        g.writeNumberProperty("consecutiveFailures", c.consecutiveFailures());
        writeList(g, "considered", c.considered(), this::writeIntent);
        c.handoff().ifPresent(h -> {
            g.writeName("handoff");
            writeSummary(g, h);
        });
        c.agent().ifPresent(a -> {
            g.writeName("agent");
            g.writeStartObject();
            g.writeStringProperty("username", a.username());
            g.writeStringProperty("displayName", a.displayName());
            g.writeEndObject();
        });
        g.writeStringProperty("startedAt", c.startedAt().toString());
        g.writeStringProperty("updatedAt", c.updatedAt().toString());
        g.writeEndObject();
    }

    private Conversation conversation(JsonNode n) {
        return new Conversation(
                text(n, "id"),
                text(n, "visitorId"),
                ConversationState.valueOf(text(n, "state")),
                optionalText(n, "language"),
                n.path("consecutiveFailures").asInt(0),
                list(n, "considered", this::intent),
                optional(n, "handoff").map(this::summary),
                optional(n, "agent").map(a -> new AgentRef(text(a, "username"), text(a, "displayName"))),
                instant(n, "startedAt"),
                instant(n, "updatedAt"));
    }

    private void writeSummary(JsonGenerator g, HandoffSummary s) {
        g.writeStartObject();
        g.writeStringProperty("customerWants", s.customerWants());
        writeList(g, "intents", s.intents(), this::writeIntent);
        g.writeStringProperty("reason", s.reason().name());
        g.writeStringProperty("language", s.language());
        writeOptional(g, "languageNote", s.languageNote());
        g.writeStringProperty("mood", s.mood().name());
        writeList(g, "moodSignals", s.moodSignals(), JsonGenerator::writeString);
        writeList(g, "details", s.details(), (array, d) -> {
            array.writeStartObject();
            array.writeStringProperty("kind", d.kind());
            array.writeStringProperty("value", d.value());
            array.writeEndObject();
        });
        writeList(g, "botTried", s.botTried(), JsonGenerator::writeString);
        g.writeStringProperty("waitingSince", s.waitingSince().toString());
        g.writeNumberProperty("previousConversations", s.previousConversations());
        g.writeEndObject();
    }

    private HandoffSummary summary(JsonNode n) {
        return new HandoffSummary(
                n.path("customerWants").asString(""),
                list(n, "intents", this::intent),
                HandoffReason.valueOf(text(n, "reason")),
                text(n, "language"),
                optionalText(n, "languageNote"),
                Mood.valueOf(n.path("mood").asString(Mood.NEUTRAL.name())),
                list(n, "moodSignals", JsonNode::asString),
                list(n, "details", d -> new CustomerDetail(text(d, "kind"), text(d, "value"))),
                list(n, "botTried", JsonNode::asString),
                instant(n, "waitingSince"),
                n.path("previousConversations").asInt(0));
    }

    private void writeIntent(JsonGenerator g, IntentCandidate c) {
        g.writeStartObject();
        g.writeStringProperty("intent", c.intent());
        g.writeStringProperty("title", c.title());
        g.writeNumberProperty("confidence", c.confidence());
        g.writeEndObject();
    }

    private IntentCandidate intent(JsonNode n) {
        return new IntentCandidate(text(n, "intent"), n.path("title").asString(""), n.path("confidence").asDouble(0));
    }

    // ---- messages

    /** The message's JSON; its {@code id} is always the first field (see {@link #MESSAGE_WITHOUT_ID}). */
    String encode(Message m) {
        return write(g -> writeMessage(g, m));
    }

    private void writeMessage(JsonGenerator g, Message m) {
        g.writeStartObject();
        g.writeNumberProperty("id", m.id());
        g.writeNumberProperty("v", VERSION);
        g.writeStringProperty("conversationId", m.conversationId());
        g.writeStringProperty("from", m.from().name());
        g.writeStringProperty("text", m.text());
        writeList(g, "quickReplies", m.quickReplies(), (array, q) -> {
            array.writeStartObject();
            array.writeStringProperty("label", q.label());
            array.writeStringProperty("payload", q.payload());
            array.writeEndObject();
        });
        g.writeStringProperty("at", m.at().toString());
        writeOptional(g, "authorName", m.authorName());
        writeOptional(g, "clientMessageId", m.clientMessageId());
        writeOptional(g, "intent", m.intent());
        if (m.replyTo().isPresent()) {
            g.writeNumberProperty("replyTo", m.replyTo().getAsLong());
        }
        g.writeEndObject();
    }

    Message decodeMessage(String json) {
        try (JsonParser p = mapper.createParser(json)) {
            requireObject(p, json);
            return readMessage(p);
        }
    }

    /** Reads the message whose START_OBJECT {@code p} is on, up to its END_OBJECT. */
    private Message readMessage(JsonParser p) {
        long id = 0;
        String conversationId = null;
        String from = null;
        String text = null;
        String at = null;
        String authorName = null;
        String clientMessageId = null;
        String intent = null;
        OptionalLong replyTo = OptionalLong.empty();
        List<QuickReply> quickReplies = List.of();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "id" -> id = p.getLongValue();
                case "conversationId" -> conversationId = string(p, value);
                case "from" -> from = string(p, value);
                case "text" -> text = string(p, value);
                case "at" -> at = string(p, value);
                case "authorName" -> authorName = string(p, value);
                case "clientMessageId" -> clientMessageId = string(p, value);
                case "intent" -> intent = string(p, value);
                case "replyTo" -> replyTo = OptionalLong.of(p.getLongValue());
                case "quickReplies" -> quickReplies = value == JsonToken.START_ARRAY ? readQuickReplies(p) : List.of();
                default -> p.skipChildren();
            }
        }
        return new Message(id, required(conversationId, "conversationId"), Sender.valueOf(required(from, "from")),
                required(text, "text"), quickReplies, IsoInstants.parse(required(at, "at")),
                Optional.ofNullable(authorName), Optional.ofNullable(clientMessageId), Optional.ofNullable(intent),
                replyTo);
    }

    private List<QuickReply> readQuickReplies(JsonParser p) {
        List<QuickReply> replies = new ArrayList<>(4);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String label = null;
            String payload = null;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "label" -> label = string(p, value);
                    case "payload" -> payload = string(p, value);
                    default -> p.skipChildren();
                }
            }
            replies.add(new QuickReply(required(label, "label"), required(payload, "payload")));
        }
        return replies;
    }

    // ---- left messages

    String encode(LeftMessage m) {
        return write(g -> writeLeftMessage(g, m, true));
    }

    LeftMessage decodeLeftMessage(String json) {
        return leftMessage(read(json));
    }

    private void writeLeftMessage(JsonGenerator g, LeftMessage m, boolean document) {
        g.writeStartObject();
        g.writeStringProperty("id", m.id());
        g.writeStringProperty("conversationId", m.conversationId());
        g.writeStringProperty("visitorId", m.visitorId());
        g.writeStringProperty("text", m.text());
        writeOptional(g, "contact", m.contact());
        g.writeStringProperty("language", m.language());
        g.writeStringProperty("at", m.at().toString());
        if (document) {
            g.writeNumberProperty("v", VERSION);
        }
        g.writeEndObject();
    }

    private LeftMessage leftMessage(JsonNode n) {
        return new LeftMessage(text(n, "id"), text(n, "conversationId"), text(n, "visitorId"), text(n, "text"),
                optionalText(n, "contact"), text(n, "language"), instant(n, "at"));
    }

    // ---- published intent files

    String encodeIntentFiles(List<IntentDatabaseLoader.IntentSource> files) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberProperty("v", VERSION);
            writeList(g, "files", files, (out, file) -> {
                out.writeStartObject();
                out.writeStringProperty("name", file.name());
                out.writeStringProperty("content", file.content());
                out.writeEndObject();
            });
            g.writeEndObject();
        });
    }

    List<IntentDatabaseLoader.IntentSource> decodeIntentFiles(String json) {
        return list(read(json), "files", f -> new IntentDatabaseLoader.IntentSource(text(f, "name"), text(f, "content")));
    }

    // ---- events

    String encode(ConversationEvent event) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberProperty("v", VERSION);
            g.writeStringProperty("conversationId", event.conversationId());
            if (event instanceof ConversationEvent.MessageAdded e) {
                g.writeStringProperty("type", "MessageAdded");
                g.writeName("message");
                writeMessage(g, e.message());
            } else if (event instanceof ConversationEvent.StateChanged e) {
                g.writeStringProperty("type", "StateChanged");
                g.writeName("conversation");
                writeConversation(g, e.conversation());
            } else if (event instanceof ConversationEvent.Typing e) {
                g.writeStringProperty("type", "Typing");
                g.writeStringProperty("who", e.who().name());
            } else if (event instanceof ConversationEvent.MessageLeft e) {
                g.writeStringProperty("type", "MessageLeft");
                g.writeName("leftMessage");
                writeLeftMessage(g, e.leftMessage(), false);
            } else if (event instanceof ConversationEvent.QueueChanged) {
                g.writeStringProperty("type", "QueueChanged");
            } else if (event instanceof ConversationEvent.VisitorPresenceChanged e) {
                g.writeStringProperty("type", "VisitorPresenceChanged");
                g.writeBooleanProperty("online", e.visitor().online());
                writeOptional(g, "lastSeen", e.visitor().lastSeen().map(Instant::toString));
            } else {
                throw new IllegalArgumentException("no JSON form for event " + event.getClass().getName());
            }
            g.writeEndObject();
        });
    }

    /**
     * The JSON of {@code MessageAdded} for this conversation without its message, split where the message goes:
     * a script that learns the message's id only when it stores it builds the event around it, and the message is
     * not written twice.
     */
    String[] messageAddedAround(String conversationId) {
        StringBuilder before = new StringBuilder(64 + conversationId.length()).append("{\"v\":").append(VERSION)
                .append(",\"conversationId\":\"");
        JsonStringEncoder.getInstance().quoteAsString(conversationId, before);
        return new String[]{before.append("\",\"type\":\"MessageAdded\",\"message\":").toString(), "}"};
    }

    /** The event; empty when its type is one this node does not know (sent by a newer node). */
    Optional<ConversationEvent> decodeEvent(String json) {
        String conversationId = null;
        String type = "";
        String who = null;
        Message message = null;
        JsonNode conversation = null;
        JsonNode leftMessage = null;
        boolean online = false;
        String lastSeen = null;
        try (JsonParser p = mapper.createParser(json)) {
            requireObject(p, json);
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "conversationId" -> conversationId = string(p, value);
                    case "type" -> type = string(p, value);
                    case "who" -> who = string(p, value);
                    case "message" -> {
                        if (value == JsonToken.START_OBJECT) {
                            message = readMessage(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "conversation" -> conversation = p.readValueAsTree();
                    case "leftMessage" -> leftMessage = p.readValueAsTree();
                    case "online" -> online = value == JsonToken.VALUE_TRUE;
                    case "lastSeen" -> lastSeen = string(p, value);
                    default -> p.skipChildren();
                }
            }
        }
        String id = required(conversationId, "conversationId");
        return Optional.ofNullable(switch (type == null ? "" : type) {
            case "MessageAdded" -> new ConversationEvent.MessageAdded(id, required(message, "message"));
            case "StateChanged" -> new ConversationEvent.StateChanged(id, conversation(object(conversation, "conversation")));
            case "Typing" -> new ConversationEvent.Typing(id, Sender.valueOf(required(who, "who")));
            case "MessageLeft" -> new ConversationEvent.MessageLeft(id, leftMessage(object(leftMessage, "leftMessage")));
            case "QueueChanged" -> new ConversationEvent.QueueChanged(id);
            case "VisitorPresenceChanged" -> new ConversationEvent.VisitorPresenceChanged(id, online ? Sighting.onlineNow()
                    : lastSeen == null ? Sighting.never() : Sighting.lastSeenAt(Instant.parse(lastSeen)));
            default -> null;
        });
    }

    // ---- helpers

    private String write(Consumer<JsonGenerator> body) {
        return JsonText.write(mapper, body);
    }

    private static void writeOptional(JsonGenerator g, String field, Optional<String> value) {
        if (value.isPresent()) {
            g.writeStringProperty(field, value.get());
        }
    }

    private static <T> void writeList(JsonGenerator g, String field, List<T> values, BiConsumer<JsonGenerator, T> write) {
        g.writeArrayPropertyStart(field);
        for (T v : values) {
            write.accept(g, v);
        }
        g.writeEndArray();
    }

    private static void requireObject(JsonParser p, String json) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("stored JSON is not an object: " + abbreviate(json));
        }
    }

    /** The value's text; null for a JSON null (an absent optional), and an object or array is skipped and null. */
    private static String string(JsonParser p, JsonToken value) {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return value == JsonToken.VALUE_NULL ? null : p.getString();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("stored JSON lacks \"" + field + "\"");
        }
        return value;
    }

    private static JsonNode object(JsonNode value, String field) {
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("stored JSON lacks \"" + field + "\"");
        }
        return value;
    }

    private JsonNode read(String json) {
        JsonNode node = mapper.readTree(json);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("stored JSON is not an object: " + abbreviate(json));
        }
        return node;
    }

    private static <T> List<T> list(JsonNode n, String field, Function<JsonNode, T> read) {
        List<T> values = new ArrayList<>();
        n.path(field).values().forEach(v -> values.add(read.apply(v)));
        return values;
    }

    private static Optional<JsonNode> optional(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<String> optionalText(JsonNode n, String field) {
        return optional(n, field).map(JsonNode::asString);
    }

    private static String text(JsonNode n, String field) {
        return optional(n, field).orElseThrow(() -> new IllegalArgumentException("stored JSON lacks \"" + field + "\"")).asString();
    }

    private static Instant instant(JsonNode n, String field) {
        return IsoInstants.parse(text(n, field));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
