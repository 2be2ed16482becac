package dev.baton.channel;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.HandoffSummary;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.Mood;
import dev.baton.conversation.QuickReply;
import dev.baton.conversation.Sender;
import dev.baton.dialogue.BotPhrases;
import dev.baton.engine.Handoffs;
import dev.baton.engine.SatisfactionSurvey;
import dev.baton.engine.Stores;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.BusinessHours;
import dev.baton.handoff.Teams;
import dev.baton.handoff.HandoffSummaryWriter;
import dev.baton.handoff.WaitEstimator;
import dev.baton.observation.ConversationObserver;
import dev.baton.privacy.CustomerDetailExtractor;
import dev.baton.privacy.PersonalDataRedactor;
import dev.baton.store.SettableClock;
import dev.baton.store.memory.InMemoryConversationStore;
import dev.baton.store.memory.InMemoryDeliveryClaims;
import dev.baton.store.memory.InMemoryLeftMessages;
import dev.baton.store.memory.InMemoryPresence;
import dev.baton.store.memory.InMemorySatisfactionRatings;
import dev.baton.store.memory.InProcessConversationEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches a channel's visitors, on in-memory stores; two deliveries on one bus stand for two nodes. */
class ChannelDeliveryTest {

    private static final ChannelAddress CUSTOMER = new ChannelAddress("testchat", "42");
    private static final DeliveryRetry ONCE = new DeliveryRetry(1, Duration.ZERO, Duration.ZERO);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T12:00:00Z"));
    private final InProcessConversationEvents events = new InProcessConversationEvents();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore(clock, events);
    private final Stores stores = new Stores(conversations, conversations.queue(), new InMemoryPresence(clock),
            new InMemoryLeftMessages(clock, Duration.ofDays(30)), events, new InMemoryPresence(clock));
    private final PersonalDataRedactor redactor = new PersonalDataRedactor();
    private final Handoffs handoffs = new Handoffs(stores, new HandoffSummaryWriter(redactor, new CustomerDetailExtractor(redactor), id -> id),
            new WaitEstimator(Duration.ofMinutes(3)), new BotPhrases(), "en", clock, ConversationObserver.all(), Teams.none(BusinessHours.always()),
            new AgentRoster(List.of()));
    private final SatisfactionSurvey survey = new SatisfactionSurvey(stores, new InMemorySatisfactionRatings(clock, Duration.ofDays(30)),
            handoffs, redactor, "en", clock);
    private final DeliveryClaims claims = new InMemoryDeliveryClaims(clock, Duration.ofHours(1), 1_000);
    private final RecordingChannel channel = new RecordingChannel();
    private final List<Disposable> running = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopDeliveries() {
        running.forEach(Disposable::dispose);
    }

    @Test
    void whatTheBotAndAgentsSayReachesTheVisitorOnceThoughTwoNodesHearOfIt() {
        deliveries(2, ONCE);
        Conversation conversation = conversationOf(CUSTOMER.visitorId());

        append(conversation, MessageDraft.fromVisitor("hello", Optional.empty()));
        append(conversation, MessageDraft.fromBot("Did you mean one of these?", List.of(QuickReply.forIntent("Returns", "returns"))));
        append(conversation, MessageDraft.note("Alice", "for agents only", Optional.empty()));
        append(conversation, MessageDraft.fromAgent("Alice", "Hi, I'm Alice", Optional.empty()));

        awaitSent(2);
        assertThat(channel.sent).extracting(Reply::text).containsExactly("Did you mean one of these?", "Hi, I'm Alice");
        assertThat(channel.sent.get(0).choices()).extracting(QuickReply::label).containsExactly("Returns");
        assertThat(channel.sent.get(1).visitorLastWrote()).isPresent();
    }

    @Test
    void aWidgetConversationIsNoChannelsBusiness() {
        deliveries(1, ONCE);
        Conversation widget = conversationOf("v-widget-visitor");
        Conversation onChannel = conversationOf(CUSTOMER.visitorId());

        append(widget, MessageDraft.fromBot("for the widget", List.of()));
        append(onChannel, MessageDraft.fromBot("for the channel", List.of()));

        awaitSent(1);
        assertThat(channel.sent).extracting(Reply::text).containsExactly("for the channel");
    }

    @Test
    void aMessageTheChannelRefusesIsNotedForAgentsAndNotSentAgain() {
        channel.failures.set(1);
        deliveries(1, new DeliveryRetry(3, Duration.ZERO, Duration.ZERO));
        Conversation conversation = conversationOf(CUSTOMER.visitorId());

        Message refused = append(conversation, MessageDraft.fromBot("Hello", List.of()));

        Message note = awaitNote(conversation);
        assertThat(note.text()).isEqualTo("Message " + refused.id() + " was not delivered to Test chat: blocked by the user");
        assertThat(note.authorName()).contains("Test chat");
        assertThat(channel.attempts).as("a final refusal is not retried").hasValue(1);
    }

    @Test
    void aConversationAnAgentResolvedAsksTheSatisfactionQuestionOnce() {
        deliveries(2, ONCE);
        Conversation conversation = conversationOf(CUSTOMER.visitorId());
        append(conversation, MessageDraft.fromVisitor("I want a person", Optional.empty()));
        HandoffSummary summary = new HandoffSummary("A person", List.of(), HandoffReason.VISITOR_ASKED, "en", Optional.empty(),
                Mood.NEUTRAL, List.of(), List.of(), List.of(), clock.instant(), 0);
        conversations.update(conversation.id(), c -> c.handOff(summary, clock.instant())).block();
        conversations.update(conversation.id(), c -> c.assign(new AgentRef("alice", "Alice"), clock.instant())).block();

        Conversation resolved = conversations.update(conversation.id(), c -> c.resolve(clock.instant())).block();
        events.publish(new dev.baton.events.ConversationEvent.StateChanged(resolved.id(), resolved)).block();

        awaitSent(1);
        Reply question = channel.sent.get(0);
        assertThat(question.text()).startsWith("How would you rate this conversation");
        assertThat(question.choices()).extracting(QuickReply::label).containsExactly("★", "★★", "★★★", "★★★★", "★★★★★");
        assertThat(question.choices()).extracting(c -> SatisfactionSurvey.scoreOf(c.payload()).orElseThrow()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aVisitorWhoJoinsTheQueueIsToldTheirPlaceOnceAndNotWhenNobodyIsOnline() {
        deliveries(2, ONCE);
        stores.presence().connected("alice").block();
        Conversation first = conversationOf(new ChannelAddress("testchat", "7").visitorId());
        Conversation second = conversationOf(CUSTOMER.visitorId());
        queue(first);

        Conversation waiting = queue(second);
        events.publish(new dev.baton.events.ConversationEvent.StateChanged(waiting.id(), waiting)).block(); // heard again

        awaitSent(2);
        assertThat(channel.sent).extracting(r -> r.to().address() + ": " + r.text()).containsExactlyInAnyOrder(
                "7: You are number 1 in the queue — about 3 min. Write here meanwhile: the person who takes over reads it.",
                "42: You are number 2 in the queue — about 6 min. Write here meanwhile: the person who takes over reads it.");

        stores.presence().disconnected("alice").block();
        Conversation third = conversationOf(new ChannelAddress("testchat", "9").visitorId());
        queue(third);
        append(third, MessageDraft.fromBot("after", List.of()));
        awaitSent(3);
        assertThat(channel.sent.get(2).text()).as("with nobody online, no place is promised").isEqualTo("after");
    }

    private Conversation queue(Conversation conversation) {
        HandoffSummary summary = new HandoffSummary("A person", List.of(), HandoffReason.VISITOR_ASKED, "en", Optional.empty(),
                Mood.NEUTRAL, List.of(), List.of(), List.of(), clock.instant(), 0);
        Conversation waiting = conversations.update(conversation.id(), c -> c.handOff(summary, clock.instant())).block();
        events.publish(new dev.baton.events.ConversationEvent.StateChanged(waiting.id(), waiting)).block();
        return waiting;
    }

    private void deliveries(int nodes, DeliveryRetry retry) {
        for (int i = 0; i < nodes; i++) {
            running.add(new ChannelDelivery(events, claims, List.of(channel), conversations, survey, handoffs, retry).run().subscribe());
        }
    }

    private Conversation conversationOf(String visitorId) {
        return conversations.create(Conversation.start("c-" + visitorId.replace(':', '-'), visitorId, Optional.of("en"), clock.instant())).block();
    }

    private Message append(Conversation conversation, MessageDraft draft) {
        return conversations.append(conversation.id(), draft).block();
    }

    private void awaitSent(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (channel.sent.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(channel.sent).hasSize(count);
    }

    private Message awaitNote(Conversation conversation) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Message> note = conversations.transcript(conversation.id(), 0).filter(m -> m.from() == Sender.NOTE).next().blockOptional();
            if (note.isPresent()) {
                return note.get();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no note in the transcript");
    }

    /** Records what it is asked to send; refuses for good while {@code failures} is above zero. */
    private static final class RecordingChannel implements OutputChannel {
        final List<Reply> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public String name() {
            return "testchat";
        }

        @Override
        public String title() {
            return "Test chat";
        }

        @Override
        public Mono<Void> sendText(String address, String text) {
            throw new UnsupportedOperationException("send is overridden");
        }

        @Override
        public Mono<Void> send(Reply reply) {
            return Mono.defer(() -> {
                attempts.incrementAndGet();
                if (failures.getAndDecrement() > 0) {
                    return Mono.error(new DeliveryFailedException("blocked by the user", false, Optional.empty()));
                }
                sent.add(reply);
                return Mono.empty();
            });
        }
    }
}
