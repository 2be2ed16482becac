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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
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
 */
final class JsonCodec {

    static final int VERSION = 1;
    /** How {@link #encode(Message)} starts for a message with id 0, so a script can put the real id in its place. */
    static final String MESSAGE_WITHOUT_ID = "{\"id\":0,";

    private final JsonMapper mapper = JsonMapper.builder().build();

    // ---- conversations

    String encode(Conversation c) {
        return mapper.writeValueAsString(conversationNode(c));
    }

    Conversation decodeConversation(String json) {
        return conversation(read(json));
    }

    private ObjectNode conversationNode(Conversation c) {
        ObjectNode n = document();
        n.put("id", c.id());
        n.put("visitorId", c.visitorId());
        n.put("state", c.state().name());
        c.language().ifPresent(l -> n.put("language", l));
        n.put("consecutiveFailures", c.consecutiveFailures());
        putList(n, "considered", c.considered(), this::putIntent);
        c.handoff().ifPresent(h -> n.set("handoff", summaryNode(h)));
        c.agent().ifPresent(a -> {
            ObjectNode agent = n.putObject("agent");
            agent.put("username", a.username());
            agent.put("displayName", a.displayName());
        });
        n.put("startedAt", c.startedAt().toString());
        n.put("updatedAt", c.updatedAt().toString());
        return n;
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

    private ObjectNode summaryNode(HandoffSummary s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("customerWants", s.customerWants());
        putList(n, "intents", s.intents(), this::putIntent);
        n.put("reason", s.reason().name());
        n.put("language", s.language());
        s.languageNote().ifPresent(note -> n.put("languageNote", note));
        n.put("mood", s.mood().name());
        putList(n, "moodSignals", s.moodSignals(), (array, signal) -> array.add(signal));
        putList(n, "details", s.details(), (array, d) -> array.addObject().put("kind", d.kind()).put("value", d.value()));
        putList(n, "botTried", s.botTried(), (array, intent) -> array.add(intent));
        n.put("waitingSince", s.waitingSince().toString());
        n.put("previousConversations", s.previousConversations());
        return n;
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

    private void putIntent(ArrayNode array, IntentCandidate c) {
        array.addObject().put("intent", c.intent()).put("title", c.title()).put("confidence", c.confidence());
    }

    private IntentCandidate intent(JsonNode n) {
        return new IntentCandidate(text(n, "intent"), n.path("title").asString(""), n.path("confidence").asDouble(0));
    }

    // ---- messages

    /** The message's JSON; its {@code id} is always the first field (see {@link #MESSAGE_WITHOUT_ID}). */
    String encode(Message m) {
        return mapper.writeValueAsString(messageNode(m));
    }

    private ObjectNode messageNode(Message m) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", m.id());
        n.put("v", VERSION);
        n.put("conversationId", m.conversationId());
        n.put("from", m.from().name());
        n.put("text", m.text());
        putList(n, "quickReplies", m.quickReplies(),
                (array, q) -> array.addObject().put("label", q.label()).put("payload", q.payload()));
        n.put("at", m.at().toString());
        m.authorName().ifPresent(a -> n.put("authorName", a));
        m.clientMessageId().ifPresent(id -> n.put("clientMessageId", id));
        m.intent().ifPresent(i -> n.put("intent", i));
        return n;
    }

    Message decodeMessage(String json) {
        return message(read(json));
    }

    private Message message(JsonNode n) {
        return new Message(
                n.path("id").asLong(),
                text(n, "conversationId"),
                Sender.valueOf(text(n, "from")),
                text(n, "text"),
                list(n, "quickReplies", q -> new QuickReply(text(q, "label"), text(q, "payload"))),
                instant(n, "at"),
                optionalText(n, "authorName"),
                optionalText(n, "clientMessageId"),
                optionalText(n, "intent"));
    }

    // ---- left messages

    String encode(LeftMessage m) {
        return mapper.writeValueAsString(leftMessageNode(m).put("v", VERSION));
    }

    LeftMessage decodeLeftMessage(String json) {
        return leftMessage(read(json));
    }

    private ObjectNode leftMessageNode(LeftMessage m) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", m.id());
        n.put("conversationId", m.conversationId());
        n.put("visitorId", m.visitorId());
        n.put("text", m.text());
        m.contact().ifPresent(c -> n.put("contact", c));
        n.put("language", m.language());
        n.put("at", m.at().toString());
        return n;
    }

    private LeftMessage leftMessage(JsonNode n) {
        return new LeftMessage(text(n, "id"), text(n, "conversationId"), text(n, "visitorId"), text(n, "text"),
                optionalText(n, "contact"), text(n, "language"), instant(n, "at"));
    }

    // ---- events

    String encode(ConversationEvent event) {
        ObjectNode n = document();
        n.put("conversationId", event.conversationId());
        if (event instanceof ConversationEvent.MessageAdded e) {
            n.put("type", "MessageAdded");
            n.set("message", messageNode(e.message()));
        } else if (event instanceof ConversationEvent.StateChanged e) {
            n.put("type", "StateChanged");
            n.set("conversation", conversationNode(e.conversation()));
        } else if (event instanceof ConversationEvent.Typing e) {
            n.put("type", "Typing");
            n.put("who", e.who().name());
        } else if (event instanceof ConversationEvent.MessageLeft e) {
            n.put("type", "MessageLeft");
            n.set("leftMessage", leftMessageNode(e.leftMessage()));
        } else if (event instanceof ConversationEvent.QueueChanged) {
            n.put("type", "QueueChanged");
        } else {
            throw new IllegalArgumentException("no JSON form for event " + event.getClass().getName());
        }
        return mapper.writeValueAsString(n);
    }

    /**
     * The JSON of {@code MessageAdded} for this conversation without its message, split where the message goes:
     * a script that learns the message's id only when it stores it builds the event around it, and the message is
     * not written twice.
     */
    String[] messageAddedAround(String conversationId) {
        ObjectNode n = document();
        n.put("conversationId", conversationId);
        n.put("type", "MessageAdded");
        String withoutMessage = mapper.writeValueAsString(n);
        return new String[]{withoutMessage.substring(0, withoutMessage.length() - 1) + ",\"message\":", "}"};
    }

    /** The event; empty when its type is one this node does not know (sent by a newer node). */
    Optional<ConversationEvent> decodeEvent(String json) {
        JsonNode n = read(json);
        String conversationId = text(n, "conversationId");
        return Optional.ofNullable(switch (n.path("type").asString("")) {
            case "MessageAdded" -> new ConversationEvent.MessageAdded(conversationId, message(required(n, "message")));
            case "StateChanged" -> new ConversationEvent.StateChanged(conversationId, conversation(required(n, "conversation")));
            case "Typing" -> new ConversationEvent.Typing(conversationId, Sender.valueOf(text(n, "who")));
            case "MessageLeft" -> new ConversationEvent.MessageLeft(conversationId, leftMessage(required(n, "leftMessage")));
            case "QueueChanged" -> new ConversationEvent.QueueChanged(conversationId);
            default -> null;
        });
    }

    // ---- helpers

    private ObjectNode document() {
        return mapper.createObjectNode().put("v", VERSION);
    }

    private JsonNode read(String json) {
        JsonNode node = mapper.readTree(json);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("stored JSON is not an object: " + abbreviate(json));
        }
        return node;
    }

    private static <T> void putList(ObjectNode n, String field, List<T> values, BiConsumer<ArrayNode, T> add) {
        ArrayNode array = n.putArray(field);
        values.forEach(v -> add.accept(array, v));
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

    private static JsonNode required(JsonNode n, String field) {
        return optional(n, field).orElseThrow(() -> new IllegalArgumentException("stored JSON lacks \"" + field + "\""));
    }

    private static Optional<String> optionalText(JsonNode n, String field) {
        return optional(n, field).map(JsonNode::asString);
    }

    private static String text(JsonNode n, String field) {
        return required(n, field).asString();
    }

    private static Instant instant(JsonNode n, String field) {
        return IsoInstants.parse(text(n, field));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
