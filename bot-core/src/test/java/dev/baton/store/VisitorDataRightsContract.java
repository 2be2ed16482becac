package dev.baton.store;

import dev.baton.audit.Actor;
import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditQuery;
import dev.baton.audit.AuditTrail;
import dev.baton.customers.CustomerLinks;
import dev.baton.customers.Customers;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.VisitorContext;
import dev.baton.conversation.VisitorContexts;
import dev.baton.engine.Stores;
import dev.baton.feedback.AnswerRating;
import dev.baton.feedback.AnswerRatings;
import dev.baton.feedback.IntentHelpfulness;
import dev.baton.handoff.LeftMessage;
import dev.baton.inbox.InboxEntry;
import dev.baton.inbox.InboxReason;
import dev.baton.inbox.TrainerInbox;
import dev.baton.limits.Limit;
import dev.baton.limits.Rate;
import dev.baton.limits.RateLimiter;
import dev.baton.privacy.Consent;
import dev.baton.privacy.ConsentRecords;
import dev.baton.customers.Contact;
import dev.baton.rights.ConversationData;
import dev.baton.rights.Erasure;
import dev.baton.rights.VisitorData;
import dev.baton.rights.VisitorDataRights;
import dev.baton.satisfaction.AgentSatisfaction;
import dev.baton.satisfaction.SatisfactionRating;
import dev.baton.satisfaction.SatisfactionRatings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.baton.store.Fixtures.ALICE;
import static dev.baton.store.Fixtures.T0;
import static dev.baton.store.Fixtures.visitorSays;
import static dev.baton.store.Fixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor's data across every store, read out and erased: what {@link VisitorDataRights} does on each kind of store.
 * Ann's data is spread over every store; Bob's, beside it, must come through her erasure untouched.
 */
public abstract class VisitorDataRightsContract {

    protected static final Duration TIMEOUT = Duration.ofSeconds(10);
    protected static final Duration RETENTION = Duration.ofDays(30);
    protected static final Actor ADMIN = new Actor("admin", "192.0.2.1");
    protected static final String ANN = "v-ann-3f9a1c2e";
    protected static final String ANN_EMAIL = "ann.smith@example.com";
    protected static final String ANN_PHONE = "+39 333 1234567";
    /** Words only Ann wrote, in every kind of place: transcripts, left messages, the inbox, a rating's comment. */
    protected static final List<String> ANNS_WORDS = List.of("marmalade teapot", "lavender kettle", "saffron mug",
            "Ann Smith from Lecco");
    protected static final String BOB = "v-bob-77aa01bc";
    /** Ann on WhatsApp, once a test links her there. */
    protected static final String ANN_ON_WHATSAPP = "whatsapp:393331234567";
    /** A limit counted per visitor id, as the application's are: its bucket's key names the visitor. */
    private static final Limit CONVERSATIONS_STARTED = Limit.of("visitor-conversations", new Rate(60, Duration.ofHours(1)));

    protected final SettableClock clock = new SettableClock(T0.plusSeconds(3600));

    /** The installation's stores, all of one kind, on {@link #clock}. */
    public record Installation(Stores stores, TrainerInbox inbox, SatisfactionRatings satisfaction, AnswerRatings answerRatings,
                                  ConsentRecords consents, AuditLog audit, RateLimiter limiter, VisitorContexts visitorContexts,
                                  CustomerLinks customerLinks) {
    }

    protected Installation installation;
    /** Whom the traces besides the stores (rate limits' buckets, in the application) were told to forget. */
    private final List<String> forgottenElsewhere = new java.util.concurrent.CopyOnWriteArrayList<>();
    protected VisitorDataRights rights;
    private Conversation annResolved;
    private Conversation annWithAgent;
    private Conversation annWaiting;
    private Conversation bobs;

    /** Fresh, empty stores. */
    protected abstract Installation newInstallation();

    @BeforeEach
    void spreadAnnsAndBobsDataOverEveryStore() {
        installation = newInstallation();
        Installation i = installation;
        rights = new VisitorDataRights(i.stores(), i.inbox(), i.satisfaction(), i.answerRatings(), i.consents(), i.audit(),
                visitorId -> i.limiter().forget(CONVERSATIONS_STARTED, visitorId).then(Mono.fromRunnable(() -> forgottenElsewhere.add(visitorId))),
                i.visitorContexts(), new Customers(i.customerLinks(), i.stores().conversations(), new AuditTrail(i.audit(), clock)), clock);
        var conversations = i.stores().conversations();

        i.limiter().take(CONVERSATIONS_STARTED, ANN).block(TIMEOUT);
        i.limiter().take(CONVERSATIONS_STARTED, BOB).block(TIMEOUT);
        annResolved = create(Conversation.start("c-ann-1", ANN, Optional.of("en"), T0));
        conversations.append(annResolved.id(), visitorSays("My " + ANNS_WORDS.get(0) + " broke, write to " + ANN_EMAIL)).block(TIMEOUT);
        conversations.append(annResolved.id(), MessageDraft.botAnswer("returns", "Returns are free", List.of())).block(TIMEOUT);
        conversations.update(annResolved.id(), c -> c.handOff(Fixtures.summary(), T0.plusSeconds(5))
                .assign(ALICE, T0.plusSeconds(6)).resolve(T0.plusSeconds(7))).block(TIMEOUT);
        i.consents().record(Consent.accepted(annResolved.id(), "2026-11", T0)).block(TIMEOUT);
        i.visitorContexts().remember(annResolved.id(), new VisitorContext(Optional.of("https://shop.example/teapots"),
                Optional.empty(), Optional.of("Mozilla/5.0 (" + ANNS_WORDS.get(1) + ")"), Optional.of("Europe/Rome"))).block(TIMEOUT);
        i.satisfaction().rate(new SatisfactionRating(annResolved.id(), "alice", 2, Optional.of(ANNS_WORDS.get(3)), T0)).block(TIMEOUT);
        i.answerRatings().rate(new AnswerRating(annResolved.id(), 2, "returns", false, T0)).block(TIMEOUT);
        i.inbox().add(InboxEntry.of("my " + ANNS_WORDS.get(0) + " broke", "en", List.of(), InboxReason.UNHELPFUL,
                annResolved.id(), T0)).block(TIMEOUT);

        annWithAgent = create(waiting(ANN, T0.plusSeconds(10)));
        conversations.update(annWithAgent.id(), c -> c.assign(ALICE, T0.plusSeconds(11))).block(TIMEOUT);
        conversations.appendAsVisitor(annWithAgent.id(), ANN, visitorSays("call me on " + ANN_PHONE + " about the "
                + ANNS_WORDS.get(1), "m-1")).block(TIMEOUT);
        i.stores().visitorPresence().connected(annWithAgent.id()).block(TIMEOUT);

        annWaiting = create(Conversation.start("c-ann-3", ANN, Optional.of("en"), T0.plusSeconds(20)));
        conversations.appendAsVisitor(annWaiting.id(), ANN, visitorSays("a person please", "m-1")).block(TIMEOUT);
        conversations.update(annWaiting.id(), c -> c.handOff(Fixtures.summary(), T0.plusSeconds(21))).block(TIMEOUT);
        i.stores().visitorPresence().connected(annWaiting.id()).block(TIMEOUT);
        i.stores().visitorPresence().disconnected(annWaiting.id()).block(TIMEOUT);
        i.stores().leftMessages().save(new LeftMessage("m-ann", annWaiting.id(), ANN, "Call me about the " + ANNS_WORDS.get(2),
                Optional.of(ANN_EMAIL), "en", clock.instant())).block(TIMEOUT);

        bobs = create(waiting(BOB, T0.plusSeconds(30)));
        conversations.append(bobs.id(), visitorSays("where is my order?")).block(TIMEOUT);
        i.satisfaction().rate(new SatisfactionRating(bobs.id(), "alice", 5, Optional.of("great"), T0)).block(TIMEOUT);
        i.inbox().add(InboxEntry.of("where is my order", "en", List.of(), InboxReason.NOT_UNDERSTOOD, bobs.id(), T0)).block(TIMEOUT);
        i.stores().leftMessages().save(new LeftMessage("m-bob", bobs.id(), BOB, "Nobody came", Optional.empty(), "en",
                clock.instant())).block(TIMEOUT);
    }

    private Conversation create(Conversation c) {
        return installation.stores().conversations().create(c).block(TIMEOUT);
    }

    @Test
    void anExportHoldsEveryConversationWithItsWholeTranscriptConsentAndRatingAndTheLeftMessages() {
        VisitorData data = rights.export(ANN).block(TIMEOUT);

        assertThat(data.visitorId()).isEqualTo(ANN);
        assertThat(data.conversations()).extracting(d -> d.conversation().id())
                .containsExactly(annResolved.id(), annWithAgent.id(), annWaiting.id());
        ConversationData first = data.conversations().get(0);
        assertThat(first.messages()).extracting(Message::text)
                .containsExactly("My marmalade teapot broke, write to " + ANN_EMAIL, "Returns are free");
        assertThat(first.consent()).contains(Consent.accepted(annResolved.id(), "2026-11", T0));
        assertThat(first.browser()).hasValueSatisfying(browser -> assertThat(browser.page()).contains("https://shop.example/teapots"));
        assertThat(first.rating().flatMap(SatisfactionRating::comment)).contains(ANNS_WORDS.get(3));
        assertThat(data.conversations().get(1).messages()).extracting(Message::text).anyMatch(t -> t.contains(ANN_PHONE));
        assertThat(data.leftMessages()).extracting(LeftMessage::id).containsExactly("m-ann");
        assertThat(rights.export("v-nobody-0000").block(TIMEOUT).conversations()).isEmpty();
    }

    @Test
    void findsTheVisitorByTheEmailOrPhoneNumberTheyWroteOrLeft() {
        assertThat(rights.visitorsWith(Contact.email("Ann.Smith@Example.com")).collectList().block(TIMEOUT)).containsExactly(ANN);
        assertThat(rights.visitorsWith(Contact.phone("333-123 4567")).collectList().block(TIMEOUT)).containsExactly(ANN);
        assertThat(rights.visitorsWith(Contact.email("nobody@example.com")).collectList().block(TIMEOUT)).isEmpty();
    }

    @Test
    void anErasureLeavesNothingOfTheVisitorInAnyStoreAndKeepsTheAnonymousCounts() {
        Erasure erased = rights.erase(ANN, ADMIN).block(TIMEOUT);

        assertThat(erased).isEqualTo(new Erasure(1, 3, 2, 4, 1, 1));
        assertThat(forgottenElsewhere).containsExactly(ANN);
        VisitorData after = rights.export(ANN).block(TIMEOUT);
        assertThat(after.conversations()).isEmpty();
        assertThat(after.leftMessages()).isEmpty();
        Stores stores = installation.stores();
        for (Conversation c : List.of(annResolved, annWithAgent, annWaiting)) {
            assertThat(stores.conversations().find(c.id()).blockOptional(TIMEOUT)).isEmpty();
            assertThat(installation.consents().of(c.id()).blockOptional(TIMEOUT)).isEmpty();
            assertThat(installation.visitorContexts().of(c.id()).blockOptional(TIMEOUT)).isEmpty();
            assertThat(installation.satisfaction().of(c.id()).blockOptional(TIMEOUT)).isEmpty();
        }
        assertThat(stores.queue().waiting().collectList().block(TIMEOUT)).containsExactly(bobs.id());
        assertThat(stores.conversations().withAgent("alice").collectList().block(TIMEOUT)).isEmpty();
        assertThat(stores.visitorPresence().online().block(TIMEOUT)).isEmpty();
        assertThat(installation.inbox().wordings().collectList().block(TIMEOUT)).extracting(w -> w.latest().conversationId())
                .containsExactly(bobs.id());
        assertThat(rights.visitorsWith(Contact.email(ANN_EMAIL)).collectList().block(TIMEOUT)).isEmpty();

        assertThat(installation.satisfaction().perAgent().collectList().block(TIMEOUT))
                .containsExactly(new AgentSatisfaction("alice", List.of(0L, 1L, 0L, 0L, 1L)));
        assertThat(installation.answerRatings().perIntent().collectList().block(TIMEOUT))
                .containsExactly(new IntentHelpfulness("returns", 0, 1));
    }

    @Test
    void anErasureKeepsEveryOtherVisitorsData() {
        rights.erase(ANN, ADMIN).block(TIMEOUT);

        VisitorData bob = rights.export(BOB).block(TIMEOUT);
        assertThat(bob.conversations()).singleElement().satisfies(d -> {
            assertThat(d.conversation().state()).isEqualTo(ConversationState.WAITING_FOR_AGENT);
            assertThat(d.messages()).extracting(Message::text).containsExactly("where is my order?");
            assertThat(d.rating().flatMap(SatisfactionRating::comment)).contains("great");
        });
        assertThat(bob.leftMessages()).extracting(LeftMessage::id).containsExactly("m-bob");
    }

    @Test
    void theAuditLogRecordsWhoAskedAndHowMuchWasErasedButNothingOfTheVisitor() {
        rights.erase(Contact.phone(ANN_PHONE), ADMIN).block(TIMEOUT);

        AuditEntry entry = installation.audit().find(AuditQuery.latest(1)).blockFirst(TIMEOUT);
        assertThat(entry.who()).isEqualTo("admin");
        assertThat(entry.from()).isEqualTo("192.0.2.1");
        assertThat(entry.action()).isEqualTo("visitor_data_erased");
        assertThat(entry.detail()).contains("1 visitor(s): 3 conversation(s) (2 closed first), 4 message(s)");
        assertThat(entry.subject() + entry.detail()).doesNotContain(ANN, ANN_EMAIL, "333 1234567", "c-ann")
                .doesNotContain(ANNS_WORDS);
    }

    @Test
    void erasingTwiceFindsNothingTheSecondTime() {
        rights.erase(ANN, VisitorDataRights.THE_VISITOR).block(TIMEOUT);

        assertThat(rights.erase(ANN, VisitorDataRights.THE_VISITOR).block(TIMEOUT)).isEqualTo(new Erasure(1, 0, 0, 0, 0, 0));
    }

    /** Ann also wrote on WhatsApp, and her phone number links her two visitors as one customer. */
    protected Conversation annLinkedOnWhatsApp() {
        Conversation onWhatsApp = create(Conversation.start("c-ann-wa", ANN_ON_WHATSAPP, Optional.of("en"), T0.plusSeconds(40)));
        installation.stores().conversations().append(onWhatsApp.id(), visitorSays("is my " + ANNS_WORDS.get(2) + " shipped?")).block(TIMEOUT);
        installation.customerLinks().link(ANN_ON_WHATSAPP, "phone/331234567", "cu-ann").block(TIMEOUT);
        installation.customerLinks().link(ANN, ANN_ON_WHATSAPP, "cu-unused").block(TIMEOUT);
        return onWhatsApp;
    }

    @Test
    void anAdministratorsExportOfAVisitorHasEveryVisitorLinkedAsTheSameCustomer() {
        annLinkedOnWhatsApp();

        List<VisitorData> exported = rights.exportFor(ANN, ADMIN).collectList().block(TIMEOUT);

        assertThat(exported).extracting(VisitorData::visitorId).containsExactly(ANN, ANN_ON_WHATSAPP);
        assertThat(exported.get(1).conversations()).extracting(d -> d.conversation().id()).containsExactly("c-ann-wa");
        assertThat(rights.visitorsWith(Contact.phone(ANN_PHONE)).collectList().block(TIMEOUT)).containsExactlyInAnyOrder(ANN, ANN_ON_WHATSAPP);
    }

    @Test
    void anAdministratorsErasureErasesEveryLinkedVisitorAndForgetsTheCustomer() {
        annLinkedOnWhatsApp();

        Erasure erased = rights.erase(ANN, ADMIN).block(TIMEOUT);

        assertThat(erased.visitors()).isEqualTo(2);
        assertThat(rights.export(ANN_ON_WHATSAPP).block(TIMEOUT).conversations()).isEmpty();
        assertThat(installation.customerLinks().customerOf(ANN).blockOptional(TIMEOUT)).isEmpty();
        assertThat(installation.customerLinks().customerOf("phone/331234567").blockOptional(TIMEOUT)).isEmpty();
        assertThat(installation.customerLinks().membersOf("cu-ann").collectList().block(TIMEOUT)).isEmpty();
        assertThat(rights.export(BOB).block(TIMEOUT).conversations()).hasSize(1);
    }

    @Test
    void aVisitorsOwnErasureCoversThemAloneAndTakesThemOutOfTheirCustomer() {
        annLinkedOnWhatsApp();

        Erasure erased = rights.erase(ANN, VisitorDataRights.THE_VISITOR).block(TIMEOUT);

        assertThat(erased.visitors()).isEqualTo(1);
        assertThat(installation.customerLinks().customerOf(ANN).blockOptional(TIMEOUT)).isEmpty();
        assertThat(rights.export(ANN_ON_WHATSAPP).block(TIMEOUT).conversations()).hasSize(1);
        assertThat(installation.customerLinks().customerOf(ANN_ON_WHATSAPP).blockOptional(TIMEOUT)).contains("cu-ann");
    }
}
