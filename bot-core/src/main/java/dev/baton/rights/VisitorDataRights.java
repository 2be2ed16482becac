package dev.baton.rights;

import dev.baton.audit.Actor;
import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditLog;
import dev.baton.audit.StaffAction;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.customers.Contact;
import dev.baton.customers.Customers;
import dev.baton.engine.Stores;
import dev.baton.events.ConversationEvent;
import dev.baton.feedback.AnswerRatings;
import dev.baton.handoff.LeftMessage;
import dev.baton.inbox.TrainerInbox;
import dev.baton.privacy.ConsentRecords;
import dev.baton.satisfaction.SatisfactionRatings;
import dev.baton.conversation.VisitorContexts;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A visitor's rights over their data: to read all of it (export) and to have it erased, asked by the visitor
 * themselves or by an administrator on their behalf (by visitor id, or by an email address or phone number they gave).
 *
 * <p>An administrator asks for a person: their request covers every visitor linked with the one named as the same
 * customer ({@link Customers}: the same verified email or phone on several channels, or an agent's link), and an
 * erasure then forgets the customer and all its links too. A visitor asking from their own widget proves only their
 * own visitor id, so their request covers that visitor alone, and their erasure takes only them out of their customer.
 *
 * <p>An erasure removes the visitor's conversations — transcripts, consents, ratings' comments and votes, what their
 * browser told (page, referrer, user agent, time zone), presence, and
 * every index, queue and unanswered entry of them —, the messages they left, and the trainers' inbox wordings their
 * messages contributed to, from the installation's stores (every node's, with Redis). Counts that say nothing of anyone
 * (metrics, ratings per agent and per intent) stay. A conversation still open is closed first (resolved, so that any
 * agent's console and the queue let go of it on every node), then erased. Each export by an administrator and each
 * erasure is written in the audit log with who asked and counts only, never the visitor's id or data.
 */
public final class VisitorDataRights {

    /** Who the audit log names when a visitor asked from their own widget. */
    public static final Actor THE_VISITOR = Actor.system("the visitor");

    private final Stores stores;
    private final TrainerInbox inbox;
    private final SatisfactionRatings satisfaction;
    private final AnswerRatings answerRatings;
    private final ConsentRecords consents;
    private final VisitorContexts visitorContexts;
    private final AuditLog audit;
    private final VisitorTraces elsewhere;
    private final Customers customers;
    private final Clock clock;

    /**
     * @param elsewhere what else names visitors, to forget with them
     * @param customers which visitors are one customer, followed by an administrator's requests
     */
    public VisitorDataRights(Stores stores, TrainerInbox inbox, SatisfactionRatings satisfaction, AnswerRatings answerRatings,
                             ConsentRecords consents, AuditLog audit, VisitorTraces elsewhere, VisitorContexts visitorContexts,
                             Customers customers, Clock clock) {
        this.customers = customers;
        this.elsewhere = elsewhere;
        this.visitorContexts = visitorContexts;
        this.stores = stores;
        this.inbox = inbox;
        this.satisfaction = satisfaction;
        this.answerRatings = answerRatings;
        this.consents = consents;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything held about the visitor; empty lists for a visitor Baton knows nothing of. */
    public Mono<VisitorData> export(String visitorId) {
        Mono<List<ConversationData>> conversations = stores.conversations().ofVisitor(visitorId)
                .concatMap(this::withEverything)
                .collectList();
        Mono<List<LeftMessage>> left = leftBy(visitorId).collectList();
        return Mono.zip(conversations, left, (c, l) -> new VisitorData(visitorId, clock.instant(), c, l));
    }

    /**
     * {@link #export}, for an administrator: the visitor's data, then that of each visitor linked with them as the same
     * customer, each export recorded in the audit log, with counts only.
     */
    public Flux<VisitorData> exportFor(String visitorId, Actor administrator) {
        return customers.visitorsLinkedTo(visitorId).concatMap(linked -> exportAudited(linked, administrator));
    }

    private Mono<VisitorData> exportAudited(String visitorId, Actor administrator) {
        return export(visitorId).flatMap(data -> audit.record(new AuditEntry(clock.instant(), administrator,
                        StaffAction.VISITOR_DATA_EXPORTED, "visitor data", data.conversations().size() + " conversation(s), "
                        + data.leftMessages().size() + " left message(s)"))
                .thenReturn(data));
    }

    /**
     * The visitors who wrote {@code contact} in a conversation, left it with a message or are linked to it, and
     * every visitor linked with one of those as the same customer, each once.
     */
    public Flux<String> visitorsWith(Contact contact) {
        Flux<String> fromLinks = customers.linkedTo(contact);
        Flux<String> fromLeftMessages = stores.leftMessages().all()
                .filter(m -> m.contact().map(contact::isIn).orElse(false) || contact.isIn(m.text()))
                .map(LeftMessage::visitorId);
        Flux<String> fromTranscripts = stores.conversations().withMessageMatching(contact.mentions()).map(Conversation::visitorId);
        return Flux.concat(fromLinks, fromLeftMessages, fromTranscripts).distinct()
                .concatMap(customers::visitorsLinkedTo).distinct();
    }

    /** The data of every visitor who gave {@code contact}, for an administrator (audited). */
    public Flux<VisitorData> exportFor(Contact contact, Actor administrator) {
        return visitorsWith(contact).concatMap(visitorId -> exportAudited(visitorId, administrator));
    }

    /**
     * Erases everything held about the visitor and records who asked, with counts only: for an administrator, about
     * every visitor linked with them as the same customer too, and the customer's links; for {@link #THE_VISITOR},
     * about them alone, who then leave their customer. Safe to repeat: what an interrupted erasure left is erased by
     * the next one (the links go last, so that the next one still finds every visitor).
     *
     * @param requestedBy the administrator (with their address), or {@link #THE_VISITOR} (whose address is personal data, so not recorded)
     */
    public Mono<Erasure> erase(String visitorId, Actor requestedBy) {
        if (THE_VISITOR.equals(requestedBy)) {
            return eraseQuietly(visitorId)
                    .flatMap(erasure -> customers.forgetVisitor(visitorId).thenReturn(erasure))
                    .flatMap(erasure -> audited(erasure, requestedBy));
        }
        return eraseCustomers(customers.visitorsLinkedTo(visitorId), requestedBy);
    }

    /** Erases every visitor who gave {@code contact} (and those linked with them), as one audited request. */
    public Mono<Erasure> erase(Contact contact, Actor requestedBy) {
        return eraseCustomers(visitorsWith(contact), requestedBy);
    }

    private Mono<Erasure> eraseCustomers(Flux<String> visitors, Actor requestedBy) {
        return visitors.collectList()
                .flatMap(found -> Flux.fromIterable(found)
                        .concatMap(this::eraseQuietly)
                        .reduce(Erasure.NOTHING, Erasure::plus)
                        .flatMap(erasure -> Flux.fromIterable(found).concatMap(customers::forgetCustomerOf).then()
                                .thenReturn(erasure)))
                .flatMap(erasure -> audited(erasure, requestedBy));
    }

    private Mono<Erasure> audited(Erasure erasure, Actor requestedBy) {
        return audit.record(new AuditEntry(clock.instant(), requestedBy, StaffAction.VISITOR_DATA_ERASED, "visitor data",
                erasure.summary())).thenReturn(erasure);
    }

    private Mono<Erasure> eraseQuietly(String visitorId) {
        return stores.conversations().ofVisitor(visitorId).collectList()
                .zipWith(leftBy(visitorId).collectList())
                .flatMap(found -> {
                    List<Conversation> conversations = found.getT1();
                    Set<String> conversationIds = new LinkedHashSet<>();
                    conversations.forEach(c -> conversationIds.add(c.id()));
                    found.getT2().forEach(m -> conversationIds.add(m.conversationId()));
                    int open = (int) conversations.stream().filter(c -> c.state() != ConversationState.RESOLVED).count();
                    // The inbox and left messages first: should the erasure stop half-way, the conversations that
                    // name what else to erase are still there for the next attempt.
                    return elsewhere.forget(visitorId)
                            .then(inbox.forgetConversations(conversationIds))
                            .zipWith(stores.leftMessages().forgetVisitor(visitorId))
                            .flatMap(forgotten -> Flux.fromIterable(conversations)
                                    .concatMap(this::closeAndErase)
                                    .reduce(0, Integer::sum)
                                    .map(messages -> new Erasure(1, conversations.size(), open, messages,
                                            forgotten.getT2(), forgotten.getT1())));
                });
    }

    /** Closes a conversation still open, so that consoles and the queue let go of it, then erases it and its traces. */
    private Mono<Integer> closeAndErase(Conversation conversation) {
        String id = conversation.id();
        Mono<Void> closed = conversation.state() == ConversationState.RESOLVED ? Mono.empty()
                : stores.conversations().update(id, c -> c.state() == ConversationState.RESOLVED ? c : c.resolve(clock.instant()))
                .flatMap(resolved -> stores.events().publish(new ConversationEvent.StateChanged(id, resolved))
                        .then(conversation.state() == ConversationState.WAITING_FOR_AGENT
                                ? stores.events().publish(new ConversationEvent.QueueChanged(id)) : Mono.empty()));
        return closed
                .then(answerRatings.forget(id))
                .then(satisfaction.forget(id))
                .then(consents.forget(id))
                .then(visitorContexts.forget(id))
                .then(stores.visitorPresence().forget(id))
                .then(stores.conversations().erase(id))
                .defaultIfEmpty(0);
    }

    private Flux<LeftMessage> leftBy(String visitorId) {
        return stores.leftMessages().all().filter(m -> m.visitorId().equals(visitorId));
    }

    private Mono<ConversationData> withEverything(Conversation conversation) {
        String id = conversation.id();
        return Mono.zip(stores.conversations().transcript(id, 0).collectList(),
                consents.of(id).map(Optional::of).defaultIfEmpty(Optional.empty()),
                satisfaction.of(id).map(Optional::of).defaultIfEmpty(Optional.empty()),
                visitorContexts.of(id).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(t -> new ConversationData(conversation, t.getT1(), t.getT2(), t.getT3(), t.getT4()));
    }
}
