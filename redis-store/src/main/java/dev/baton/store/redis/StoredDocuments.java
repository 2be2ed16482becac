package dev.baton.store.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.conversation.AgentRef;
import dev.baton.conversation.BotDecision;
import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.CustomerDetail;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.IntentCandidate;
import dev.baton.conversation.Message;
import dev.baton.conversation.Mood;
import dev.baton.conversation.QuickReply;
import dev.baton.conversation.Sender;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.FollowUp;
import dev.baton.handoff.LeftMessage;
import dev.baton.inbox.InboxEntry;
import dev.baton.inbox.InboxReason;
import dev.baton.inbox.IntentGuess;
import dev.baton.satisfaction.SatisfactionRating;
import dev.baton.conversation.VisitorContext;
import dev.baton.analytics.ConversationOutcome;
import dev.baton.handoff.Sighting;
import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.audit.AuditEntry;
import dev.baton.canned.CannedResponse;
import dev.baton.training.Draft;
import dev.baton.training.DraftFile;
import dev.baton.training.TrainerAction;
import dev.baton.training.VersionInfo;

import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON documents Baton keeps in Redis and sends between nodes, one record per shape, apart from the domain's
 * records so that renaming a domain component never silently changes what is stored. Jackson writes and reads them
 * ({@link JsonCodec}); each knows how it is made from its domain value and back.
 *
 * <p>Versioning: every top-level document carries {@code "v": 1}. Readers ignore fields they do not know, and an
 * absent optional field or list reads as empty, so a newer node may add fields without breaking older ones; a change
 * that older nodes cannot read must bump {@code v}. Optional values are written only when present; instants are
 * ISO-8601 strings; enums are their names.
 */
final class StoredDocuments {

    static final int VERSION = 1;

    private StoredDocuments() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageDocument(long id, int v, String conversationId, String from, String text,
                           List<QuickReplyDocument> quickReplies, String at, String authorName, String clientMessageId,
                           String intent, Long replyTo, DecisionDocument decision) {

        static MessageDocument of(Message m) {
            return new MessageDocument(m.id(), VERSION, m.conversationId(), m.from().name(), m.text(),
                    m.quickReplies().stream().map(q -> new QuickReplyDocument(q.label(), q.payload())).toList(),
                    m.at().toString(), m.authorName().orElse(null), m.clientMessageId().orElse(null),
                    m.intent().orElse(null), m.replyTo().isPresent() ? m.replyTo().getAsLong() : null,
                    m.decision().map(DecisionDocument::of).orElse(null));
        }

        Message toMessage() {
            return new Message(id, required(conversationId, "conversationId"), Sender.valueOf(required(from, "from")),
                    required(text, "text"), list(quickReplies, QuickReplyDocument::toQuickReply),
                    IsoInstants.parse(required(at, "at")), Optional.ofNullable(authorName),
                    Optional.ofNullable(clientMessageId), Optional.ofNullable(intent),
                    replyTo == null ? OptionalLong.empty() : OptionalLong.of(replyTo),
                    Optional.ofNullable(decision).map(DecisionDocument::toDecision));
        }
    }

    record QuickReplyDocument(String label, String payload) {
        QuickReply toQuickReply() {
            return new QuickReply(required(label, "label"), required(payload, "payload"));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DecisionDocument(String kind, String intent, Double confidence, Double margin, String reason) {

        static DecisionDocument of(BotDecision d) {
            return new DecisionDocument(d.kind().name(), d.intent().orElse(null),
                    d.confidence().isPresent() ? d.confidence().getAsDouble() : null,
                    d.margin().isPresent() ? d.margin().getAsDouble() : null, d.reason());
        }

        BotDecision toDecision() {
            return new BotDecision(BotDecision.Kind.valueOf(required(kind, "kind")), Optional.ofNullable(intent),
                    confidence == null ? OptionalDouble.empty() : OptionalDouble.of(confidence),
                    margin == null ? OptionalDouble.empty() : OptionalDouble.of(margin), required(reason, "reason"));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConversationDocument(int v, String id, String visitorId, String state, String language,
                                Integer consecutiveFailures, List<IntentCandidateDocument> considered,
                                SummaryDocument handoff, AgentDocument agent, String team, String startedAt, String updatedAt) {

        static ConversationDocument of(Conversation c) {
            return new ConversationDocument(VERSION, c.id(), c.visitorId(), c.state().name(), c.language().orElse(null),
                    c.consecutiveFailures(), c.considered().stream().map(IntentCandidateDocument::of).toList(),
                    c.handoff().map(SummaryDocument::of).orElse(null),
                    c.agent().map(a -> new AgentDocument(a.username(), a.displayName())).orElse(null),
                    c.team().orElse(null), c.startedAt().toString(), c.updatedAt().toString());
        }

        Conversation toConversation() {
            return new Conversation(required(id, "id"), required(visitorId, "visitorId"),
                    ConversationState.valueOf(required(state, "state")), Optional.ofNullable(language),
                    consecutiveFailures == null ? 0 : consecutiveFailures,
                    list(considered, IntentCandidateDocument::toCandidate),
                    Optional.ofNullable(handoff).map(SummaryDocument::toSummary),
                    Optional.ofNullable(agent).map(AgentDocument::toAgent), Optional.ofNullable(team),
                    IsoInstants.parse(required(startedAt, "startedAt")), IsoInstants.parse(required(updatedAt, "updatedAt")));
        }
    }

    record AgentDocument(String username, String displayName) {
        AgentRef toAgent() {
            return new AgentRef(required(username, "username"), required(displayName, "displayName"));
        }
    }

    record IntentCandidateDocument(String intent, String title, double confidence) {
        static IntentCandidateDocument of(IntentCandidate c) {
            return new IntentCandidateDocument(c.intent(), c.title(), c.confidence());
        }

        IntentCandidate toCandidate() {
            return new IntentCandidate(required(intent, "intent"), title == null ? "" : title, confidence);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SummaryDocument(String customerWants, List<IntentCandidateDocument> intents, String reason, String language,
                           String languageNote, String mood, List<String> moodSignals, List<DetailDocument> details,
                           List<String> botTried, String waitingSince, Integer previousConversations) {

        static SummaryDocument of(HandoffSummary s) {
            return new SummaryDocument(s.customerWants(), s.intents().stream().map(IntentCandidateDocument::of).toList(),
                    s.reason().name(), s.language(), s.languageNote().orElse(null), s.mood().name(), s.moodSignals(),
                    s.details().stream().map(d -> new DetailDocument(d.kind(), d.value())).toList(), s.botTried(),
                    s.waitingSince().toString(), s.previousConversations());
        }

        HandoffSummary toSummary() {
            return new HandoffSummary(customerWants == null ? "" : customerWants,
                    list(intents, IntentCandidateDocument::toCandidate), HandoffReason.valueOf(required(reason, "reason")),
                    required(language, "language"), Optional.ofNullable(languageNote),
                    mood == null ? Mood.NEUTRAL : Mood.valueOf(mood), list(moodSignals, Function.identity()),
                    list(details, DetailDocument::toDetail), list(botTried, Function.identity()),
                    IsoInstants.parse(required(waitingSince, "waitingSince")),
                    previousConversations == null ? 0 : previousConversations);
        }
    }

    record DetailDocument(String kind, String value) {
        CustomerDetail toDetail() {
            return new CustomerDetail(required(kind, "kind"), required(value, "value"));
        }
    }

    /**
     * A left message. One stored before follow-ups existed has no {@code status}: it reads as open. The follow-up's
     * fields are left out while it is open, so an open message is written as it was before.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LeftMessageDocument(String id, String conversationId, String visitorId, String text, String contact,
                               String language, String at, Integer v, String status, String agent, String since,
                               String note) {

        /** @param document whether it stands alone (and carries its version), rather than inside an event */
        static LeftMessageDocument of(LeftMessage m, boolean document) {
            FollowUp f = m.followUp();
            boolean open = f.status() == FollowUp.Status.OPEN;
            return new LeftMessageDocument(m.id(), m.conversationId(), m.visitorId(), m.text(), m.contact().orElse(null),
                    m.language(), m.at().toString(), document ? VERSION : null, open ? null : f.status().name(),
                    f.agent().orElse(null), f.since().map(Instant::toString).orElse(null), f.note().orElse(null));
        }

        LeftMessage toLeftMessage() {
            FollowUp followUp = status == null ? FollowUp.open()
                    : new FollowUp(FollowUp.Status.valueOf(status), Optional.ofNullable(agent),
                    Optional.ofNullable(since).map(IsoInstants::parse), Optional.ofNullable(note));
            return new LeftMessage(required(id, "id"), required(conversationId, "conversationId"),
                    required(visitorId, "visitorId"), required(text, "text"), Optional.ofNullable(contact),
                    required(language, "language"), IsoInstants.parse(required(at, "at")), followUp);
        }
    }

    /**
     * What became of a conversation, for the analytics; durations in milliseconds, absent ones null, as is the team of
     * an outcome recorded before teams existed.
     */
    record OutcomeDocument(int v, String conversationId, String at, String reason, String agent, Long waitedMs,
                           Long firstResponseMs, Long resolutionMs, String team) {

        static OutcomeDocument of(ConversationOutcome o) {
            return new OutcomeDocument(VERSION, o.conversationId(), o.at().toString(), o.handoffReason().map(Enum::name).orElse(null),
                    o.agent().orElse(null), millis(o.waited()), millis(o.firstResponse()), millis(o.resolution()),
                    o.team().orElse(null));
        }

        ConversationOutcome toOutcome() {
            return new ConversationOutcome(required(conversationId, "conversationId"), IsoInstants.parse(required(at, "at")),
                    Optional.ofNullable(reason).map(HandoffReason::valueOf), Optional.ofNullable(agent), duration(waitedMs),
                    duration(firstResponseMs), duration(resolutionMs), Optional.ofNullable(team));
        }

        private static Long millis(Optional<java.time.Duration> duration) {
            return duration.map(java.time.Duration::toMillis).orElse(null);
        }

        private static Optional<java.time.Duration> duration(Long millis) {
            return Optional.ofNullable(millis).map(java.time.Duration::ofMillis);
        }
    }

    /** A visitor's satisfaction with a conversation. */
    record SatisfactionDocument(int v, String conversationId, String agent, int score, String comment, String at) {

        static SatisfactionDocument of(SatisfactionRating r) {
            return new SatisfactionDocument(VERSION, r.conversationId(), r.agentUsername(), r.score(), r.comment().orElse(null),
                    r.at().toString());
        }

        SatisfactionRating toRating() {
            return new SatisfactionRating(required(conversationId, "conversationId"), required(agent, "agent"), score,
                    Optional.ofNullable(comment), IsoInstants.parse(required(at, "at")));
        }
    }

    /** What a visitor's browser told of itself in a conversation (see {@link VisitorContext}). */
    record VisitorContextDocument(int v, String page, String referrer, String userAgent, String timeZone) {

        static VisitorContextDocument of(VisitorContext c) {
            return new VisitorContextDocument(VERSION, c.page().orElse(null), c.referrer().orElse(null), c.userAgent().orElse(null),
                    c.timeZone().orElse(null));
        }

        VisitorContext toContext() {
            return new VisitorContext(Optional.ofNullable(page), Optional.ofNullable(referrer), Optional.ofNullable(userAgent),
                    Optional.ofNullable(timeZone));
        }
    }

    /** The latest message of a wording in the trainer's inbox. */
    record InboxEntryDocument(int v, String text, String language, List<String> tokens, List<IntentGuessDocument> guesses,
                              String reason, String conversationId, String at) {

        static InboxEntryDocument of(InboxEntry e) {
            return new InboxEntryDocument(VERSION, e.text(), e.language(), e.tokens(),
                    e.guesses().stream().map(g -> new IntentGuessDocument(g.intent(), g.confidence())).toList(),
                    e.reason().name(), e.conversationId(), e.at().toString());
        }

        InboxEntry toEntry() {
            return new InboxEntry(required(text, "text"), required(language, "language"), list(tokens, t -> t),
                    list(guesses, g -> new IntentGuess(required(g.intent(), "intent"), g.confidence())),
                    InboxReason.valueOf(required(reason, "reason")), required(conversationId, "conversationId"),
                    IsoInstants.parse(required(at, "at")));
        }
    }

    record IntentGuessDocument(String intent, double confidence) {
    }

    record IntentFilesDocument(int v, List<IntentFileDocument> files) {
        static IntentFilesDocument of(List<IntentDatabaseLoader.IntentSource> files) {
            return new IntentFilesDocument(VERSION, files.stream().map(f -> new IntentFileDocument(f.name(), f.content())).toList());
        }

        List<IntentDatabaseLoader.IntentSource> toFiles() {
            return list(files, f -> new IntentDatabaseLoader.IntentSource(required(f.name(), "name"), required(f.content(), "content")));
        }
    }

    record IntentFileDocument(String name, String content) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DraftDocument(int v, String id, List<DraftFileDocument> files, String basedOn, long revision, String changedBy,
                         String changedAt) {

        static DraftDocument of(Draft d) {
            return new DraftDocument(VERSION, d.id(), d.files().stream().map(DraftFileDocument::of).toList(), d.basedOn(),
                    d.revision(), d.changedBy().orElse(null), d.changedAt().toString());
        }

        Draft toDraft() {
            return new Draft(required(id, "id"), list(files, DraftFileDocument::toFile), required(basedOn, "basedOn"), revision,
                    Optional.ofNullable(changedBy), IsoInstants.parse(required(changedAt, "changedAt")));
        }
    }

    /** {@code publishedContent} is written while the file is as published. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DraftFileDocument(String name, List<String> comment, List<IntentDocument> intents, String publishedContent) {

        static DraftFileDocument of(DraftFile f) {
            return new DraftFileDocument(f.name(), f.comment(), f.intents().stream().map(IntentDocument::of).toList(),
                    f.publishedContent().orElse(null));
        }

        DraftFile toFile() {
            return new DraftFile(required(name, "name"), list(comment, Function.identity()), list(intents, IntentDocument::toIntent),
                    Optional.ofNullable(publishedContent));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IntentDocument(String id, Map<String, String> titles, Map<String, List<String>> examples,
                          Map<String, List<String>> answers, List<String> followUps, boolean handoff, String team) {

        static IntentDocument of(Intent i) {
            return new IntentDocument(i.id(), i.titles(), i.examples(), i.answers(), i.followUps(), i.handoff(), i.team().orElse(null));
        }

        Intent toIntent() {
            return new Intent(required(id, "id"), titles == null ? Map.of() : titles, examples == null ? Map.of() : examples,
                    answers == null ? Map.of() : answers, list(followUps, Function.identity()), handoff, Optional.ofNullable(team));
        }
    }

    /** A version without its number, which is its place in the list of versions. */
    record VersionDocument(int v, String intentsVersion, String action, String publishedBy, String publishedAt, String note) {

        static VersionDocument of(VersionInfo info) {
            return new VersionDocument(VERSION, info.intentsVersion(), info.action().name(), info.publishedBy(),
                    info.publishedAt().toString(), info.note());
        }

        VersionInfo toVersion(int number) {
            return new VersionInfo(number, required(intentsVersion, "intentsVersion"),
                    TrainerAction.valueOf(required(action, "action")), required(publishedBy, "publishedBy"),
                    IsoInstants.parse(required(publishedAt, "publishedAt")), note == null ? "" : note);
        }
    }

    /** {@code from} is absent from entries made before it was recorded; {@code action} was an upper-case name then. */
    record AuditEntryDocument(int v, String at, String who, String from, String action, String subject, String detail) {

        static AuditEntryDocument of(AuditEntry e) {
            return new AuditEntryDocument(VERSION, e.at().toString(), e.who(), e.from(), e.action(), e.subject(), e.detail());
        }

        AuditEntry toEntry() {
            return new AuditEntry(IsoInstants.parse(required(at, "at")), required(who, "who"), from == null ? "" : from,
                    required(action, "action").toLowerCase(Locale.ROOT), required(subject, "subject"), required(detail, "detail"));
        }
    }

    /**
     * An agent from the company's directory, as the roster knows them, and when they last signed in. {@code teams} and
     * {@code supervisor} are absent from what was stored before the directory put agents in teams or made them
     * supervisors: no team and no supervisor, until they sign in again.
     */
    record DirectoryAgentDocument(int v, String username, String name, int capacity, List<String> teams, Boolean supervisor,
                                  String signedInAt) {

        static DirectoryAgentDocument of(AgentRoster.Member m, Instant signedInAt) {
            return new DirectoryAgentDocument(VERSION, m.username(), m.agent().displayName(), m.capacity(),
                    m.directoryTeams().stream().sorted().toList(), m.directorySupervisor(), signedInAt.toString());
        }

        AgentRoster.Member toMember() {
            return new AgentRoster.Member(new AgentRef(required(username, "username"), required(name, "name")), capacity,
                    teams == null ? Set.of() : Set.copyOf(teams), Boolean.TRUE.equals(supervisor));
        }

        Instant lastSignIn() {
            return IsoInstants.parse(required(signedInAt, "signedInAt"));
        }
    }

    /** A canned response; {@code owner} is null for a shared one. */
    record CannedResponseDocument(int v, String scope, String owner, String language, String shortcut, String text) {

        static CannedResponseDocument of(CannedResponse r) {
            return new CannedResponseDocument(VERSION, r.scope().name(), r.owner().orElse(null), r.language(), r.shortcut(), r.text());
        }

        CannedResponse toResponse() {
            return new CannedResponse(CannedResponse.Scope.valueOf(required(scope, "scope")), Optional.ofNullable(owner),
                    required(language, "language"), required(shortcut, "shortcut"), required(text, "text"));
        }
    }

    /** Every event, told apart by {@code type}; only the fields of its type are written. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventDocument(int v, String conversationId, String type, MessageDocument message,
                         ConversationDocument conversation, String who, LeftMessageDocument leftMessage, Boolean online,
                         String lastSeen) {

        static EventDocument of(ConversationEvent event) {
            String id = event.conversationId();
            if (event instanceof ConversationEvent.MessageAdded e) {
                return new EventDocument(VERSION, id, "MessageAdded", MessageDocument.of(e.message()), null, null, null, null, null);
            }
            if (event instanceof ConversationEvent.StateChanged e) {
                return new EventDocument(VERSION, id, "StateChanged", null, ConversationDocument.of(e.conversation()), null, null, null, null);
            }
            if (event instanceof ConversationEvent.Typing e) {
                return new EventDocument(VERSION, id, "Typing", null, null, e.who().name(), null, null, null);
            }
            if (event instanceof ConversationEvent.MessageLeft e) {
                return new EventDocument(VERSION, id, "MessageLeft", null, null, null, LeftMessageDocument.of(e.leftMessage(), false), null, null);
            }
            if (event instanceof ConversationEvent.QueueChanged) {
                return new EventDocument(VERSION, id, "QueueChanged", null, null, null, null, null, null);
            }
            if (event instanceof ConversationEvent.VisitorPresenceChanged e) {
                return new EventDocument(VERSION, id, "VisitorPresenceChanged", null, null, null, null, e.visitor().online(),
                        e.visitor().lastSeen().map(Instant::toString).orElse(null));
            }
            if (event instanceof ConversationEvent.AgentPresenceChanged e) {
                return new EventDocument(VERSION, id, "AgentPresenceChanged", null, null, e.agentUsername(), null, null, null);
            }
            if (event instanceof ConversationEvent.AgentSignedOut e) {
                return new EventDocument(VERSION, id, "AgentSignedOut", null, null, e.agentUsername(), null, null, null);
            }
            if (event instanceof ConversationEvent.AutoAssigned e) {
                return new EventDocument(VERSION, id, "AutoAssigned", null, null, e.agentUsername(), null, null, null);
            }
            throw new IllegalArgumentException("no JSON form for event " + event.getClass().getName());
        }

        /** The event; empty when its type is one this node does not know (sent by a newer node). */
        Optional<ConversationEvent> toEvent() {
            String id = required(conversationId, "conversationId");
            return Optional.ofNullable(switch (type == null ? "" : type) {
                case "MessageAdded" -> new ConversationEvent.MessageAdded(id, required(message, "message").toMessage());
                case "StateChanged" -> new ConversationEvent.StateChanged(id, required(conversation, "conversation").toConversation());
                case "Typing" -> new ConversationEvent.Typing(id, Sender.valueOf(required(who, "who")));
                case "MessageLeft" -> new ConversationEvent.MessageLeft(id, required(leftMessage, "leftMessage").toLeftMessage());
                case "QueueChanged" -> new ConversationEvent.QueueChanged(id);
                case "VisitorPresenceChanged" -> new ConversationEvent.VisitorPresenceChanged(id, Boolean.TRUE.equals(online)
                        ? Sighting.onlineNow() : lastSeen == null ? Sighting.never() : Sighting.lastSeenAt(IsoInstants.parse(lastSeen)));
                case "AgentPresenceChanged" -> new ConversationEvent.AgentPresenceChanged(required(who, "who"));
                case "AgentSignedOut" -> new ConversationEvent.AgentSignedOut(required(who, "who"));
                case "AutoAssigned" -> new ConversationEvent.AutoAssigned(id, required(who, "who"));
                default -> null;
            });
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("stored JSON lacks \"" + field + "\"");
        }
        return value;
    }

    private static <D, T> List<T> list(List<D> documents, Function<D, T> read) {
        return documents == null ? List.of() : documents.stream().map(read).toList();
    }
}
