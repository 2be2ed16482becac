package dev.baton.store.redis;

import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.Message;
import dev.baton.handoff.LeftMessage;
import dev.baton.inbox.InboxEntry;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.satisfaction.SatisfactionRating;
import dev.baton.audit.AuditEntry;
import dev.baton.analytics.ConversationOutcome;
import dev.baton.training.Draft;
import dev.baton.training.VersionInfo;
import dev.baton.store.redis.StoredDocuments.AuditEntryDocument;
import dev.baton.store.redis.StoredDocuments.CannedResponseDocument;
import dev.baton.canned.CannedResponse;
import dev.baton.store.redis.StoredDocuments.ConversationDocument;
import dev.baton.store.redis.StoredDocuments.DraftDocument;
import dev.baton.store.redis.StoredDocuments.VersionDocument;
import dev.baton.store.redis.StoredDocuments.EventDocument;
import dev.baton.store.redis.StoredDocuments.InboxEntryDocument;
import dev.baton.store.redis.StoredDocuments.IntentFilesDocument;
import dev.baton.store.redis.StoredDocuments.LeftMessageDocument;
import dev.baton.store.redis.StoredDocuments.MessageDocument;
import dev.baton.store.redis.StoredDocuments.SatisfactionDocument;
import dev.baton.store.redis.StoredDocuments.VisitorContextDocument;
import dev.baton.conversation.VisitorContext;
import dev.baton.store.redis.StoredDocuments.OutcomeDocument;
import dev.baton.store.redis.StoredDocuments.DirectoryAgentDocument;
import dev.baton.handoff.AgentRoster;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes and reads the documents of {@link StoredDocuments} with Jackson: the one place where the Redis adapter turns
 * domain values into JSON and back. A document that cannot be read fails with {@link IllegalArgumentException}.
 *
 * <p>Documents are bound straight from Jackson's streaming parser to records, with no tree in between: building a
 * tree per message and event was most of the JSON work of a busy node. The hand-written generator and reused
 * buffer that once wrote them were not kept: nothing showed they still win by 10 % over plain Jackson.
 *
 * <p>Record components are read and records made through Blackbird's generated lambdas, not reflection: with it
 * (here and for the frames, see the application's JSON configuration) a node on Redis used 8 % less CPU per message
 * (1,117 and 1,325 µs against 1,224 and 1,405 µs, two alternating pairs of {@code load.sh baton} runs at 800 msg/s
 * on a machine busy with builds).
 *
 * <p>Each document's reader and writer is made once, here, which makes Jackson build its (de)serializers now:
 * built on first use instead, they were built on a Lettuce event-loop thread, where Jackson's cache lock made two
 * threads wait for each other (BlockHound caught it in the flood test on Redis).
 */
final class JsonCodec {

    private static final List<Class<?>> DOCUMENTS = List.of(ConversationDocument.class, MessageDocument.class,
            LeftMessageDocument.class, IntentFilesDocument.class, EventDocument.class, DraftDocument.class,
            VersionDocument.class, AuditEntryDocument.class, InboxEntryDocument.class, SatisfactionDocument.class,
            CannedResponseDocument.class, VisitorContextDocument.class, OutcomeDocument.class, DirectoryAgentDocument.class);

    private final Map<Class<?>, ObjectReader> readers;
    private final Map<Class<?>, ObjectWriter> writers;

    /** @param mapper how JSON is written and read; fields a newer node added are ignored whatever it says */
    JsonCodec(ObjectMapper mapper) {
        ObjectMapper lenient = mapper.rebuild().addModule(new BlackbirdModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.readers = DOCUMENTS.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), lenient::readerFor));
        this.writers = DOCUMENTS.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), lenient::writerFor));
    }

    /** A codec with Jackson's defaults, for a store made without a mapper. */
    static JsonCodec withDefaultMapper() {
        return new JsonCodec(JsonMapper.builder().build());
    }

    String encode(Conversation c) {
        return write(ConversationDocument.of(c));
    }

    Conversation decodeConversation(String json) {
        return read(json, ConversationDocument.class).toConversation();
    }

    String encode(Message m) {
        return write(MessageDocument.of(m));
    }

    Message decodeMessage(String json) {
        return read(json, MessageDocument.class).toMessage();
    }

    String encode(LeftMessage m) {
        return write(LeftMessageDocument.of(m, true));
    }

    LeftMessage decodeLeftMessage(String json) {
        return read(json, LeftMessageDocument.class).toLeftMessage();
    }

    String encode(InboxEntry e) {
        return write(InboxEntryDocument.of(e));
    }

    InboxEntry decodeInboxEntry(String json) {
        return read(json, InboxEntryDocument.class).toEntry();
    }

    String encode(ConversationOutcome o) {
        return write(OutcomeDocument.of(o));
    }

    ConversationOutcome decodeOutcome(String json) {
        return read(json, OutcomeDocument.class).toOutcome();
    }

    String encode(SatisfactionRating r) {
        return write(SatisfactionDocument.of(r));
    }

    SatisfactionRating decodeSatisfaction(String json) {
        return read(json, SatisfactionDocument.class).toRating();
    }

    String encode(VisitorContext c) {
        return write(VisitorContextDocument.of(c));
    }

    VisitorContext decodeVisitorContext(String json) {
        return read(json, VisitorContextDocument.class).toContext();
    }

    String encodeIntentFiles(List<IntentDatabaseLoader.IntentSource> files) {
        return write(IntentFilesDocument.of(files));
    }

    List<IntentDatabaseLoader.IntentSource> decodeIntentFiles(String json) {
        return read(json, IntentFilesDocument.class).toFiles();
    }

    String encode(Draft draft) {
        return write(DraftDocument.of(draft));
    }

    Draft decodeDraft(String json) {
        return read(json, DraftDocument.class).toDraft();
    }

    /** Without its number: that is its place in the list of versions. */
    String encode(VersionInfo version) {
        return write(VersionDocument.of(version));
    }

    VersionInfo decodeVersion(int number, String json) {
        return read(json, VersionDocument.class).toVersion(number);
    }

    String encode(AuditEntry entry) {
        return write(AuditEntryDocument.of(entry));
    }

    AuditEntry decodeAuditEntry(String json) {
        return read(json, AuditEntryDocument.class).toEntry();
    }

    String encode(CannedResponse response) {
        return write(CannedResponseDocument.of(response));
    }

    CannedResponse decodeCannedResponse(String json) {
        return read(json, CannedResponseDocument.class).toResponse();
    }

    String encode(AgentRoster.Member agent, Instant signedInAt) {
        return write(DirectoryAgentDocument.of(agent, signedInAt));
    }

    DirectoryAgentDocument decodeDirectoryAgent(String json) {
        return read(json, DirectoryAgentDocument.class);
    }

    String encode(ConversationEvent event) {
        return write(EventDocument.of(event));
    }

    /** The event; empty when its type is one this node does not know (sent by a newer node). */
    Optional<ConversationEvent> decodeEvent(String json) {
        return read(json, EventDocument.class).toEvent();
    }

    private String write(Object document) {
        return writers.get(document.getClass()).writeValueAsString(document);
    }

    private <T> T read(String json, Class<T> type) {
        T document;
        try {
            document = readers.get(type).readValue(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("stored JSON is not a " + type.getSimpleName() + ": " + abbreviate(json), e);
        }
        if (document == null) {
            throw new IllegalArgumentException("stored JSON is not an object: " + abbreviate(json));
        }
        return document;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
