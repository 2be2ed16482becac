package dev.baton.engine;

import dev.baton.conversation.BotDecision;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.Sender;
import dev.baton.dialogue.HumanRequestDetector;
import dev.baton.dialogue.MoodDetector;
import dev.baton.dialogue.PolicySettings;
import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.IntentModel;
import dev.baton.nlu.OpenNlpLanguageDetector;
import dev.baton.nlu.SupportDesk;
import dev.baton.privacy.PersonalDataRedactor;
import dev.baton.inbox.InboxRecorder;
import dev.baton.inbox.TrainerInbox;
import dev.baton.store.memory.InMemoryAnswerRatings;
import dev.baton.store.memory.InMemoryTrainerInbox;
import dev.baton.store.SettableClock;
import dev.baton.store.Fixtures;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A message the bot should answer gets exactly one answer, whichever node gives it: two nodes share the stores here,
 * and a node "killed" between storing a visitor's message and answering it is a message stored with the store alone.
 */
class ExactlyOneAnswerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_AFTER = Duration.ofSeconds(5);
    /** The support desk's intents, each with an answer. */
    private static final IntentDatabase INTENTS = new IntentDatabase(SupportDesk.DATABASE.intents().stream()
            .map(i -> new Intent(i.id(), i.titles(), i.examples(), Map.of("en", List.of("About " + i.id())), i.followUps(), i.handoff()))
            .toList(), "answered");
    private static final BotKnowledge KNOWLEDGE = new BotKnowledge(INTENTS, IntentModel.train(INTENTS, "en"), 0.5);

    private final InMemoryDesk world = new InMemoryDesk();
    private final SettableClock clock = world.clock;
    private final Stores stores = world.stores;
    private final ConversationStore conversations = stores.conversations();
    private final ConversationEngine nodeA = engine();
    private final ConversationEngine nodeB = engine();

    private ConversationEngine engine() {
        return engineOn(stores, world.handoffs);
    }

    private ConversationEngine engineOn(Stores stores, Handoffs handoffs) {
        Understanding understanding = new Understanding(new OpenNlpLanguageDetector(() -> INTENTS, "en"),
                new HumanRequestDetector(), new MoodDetector(), "en");
        return new ConversationEngine(stores, () -> KNOWLEDGE, understanding, PolicySettings.DEFAULTS, handoffs,
                new PersonalDataRedactor(), clock, new InMemoryAnswerRatings(clock, Duration.ofDays(30)),
                new InboxRecorder(new InMemoryTrainerInbox(clock, TrainerInbox.Limits.DEFAULTS), new PersonalDataRedactor(), clock, 0.1, 100));
    }

    private UnansweredMessages sweepOn(ConversationEngine node) {
        return new UnansweredMessages(node, conversations, ANSWER_AFTER, 10, clock);
    }

    private String conversationOf(String visitorId) {
        return nodeA.open(visitorId, Optional.empty(), Optional.of("en")).block(TIMEOUT).conversation().id();
    }

    /** What a node killed right after storing the visitor's message leaves behind. */
    private Message storedButNotAnswered(String conversationId, String visitorId, String text, String clientMessageId) {
        return conversations.appendAsVisitor(conversationId, visitorId, MessageDraft.fromVisitor(text, Optional.of(clientMessageId)))
                .block(TIMEOUT).appended().message();
    }

    private static VisitorMessage says(String conversationId, String visitorId, String text, String clientMessageId) {
        return new VisitorMessage(conversationId, visitorId, text, Optional.of(clientMessageId), Optional.empty(), Optional.of("en"));
    }

    private List<Message> transcript(String conversationId) {
        return conversations.transcript(conversationId, 0).collectList().block(TIMEOUT);
    }

    @Test
    void aRetriedMessageWhoseAnswerWasLostIsAnsweredOnceAndAcknowledgedEachTime() {
        String id = conversationOf("v-visitor-1");
        Message question = storedButNotAnswered(id, "v-visitor-1", "where is my order", "m1");

        ConversationEngine.Received retried = nodeB.handle(says(id, "v-visitor-1", "where is my order", "m1")).block(TIMEOUT);
        ConversationEngine.Received again = nodeA.handle(says(id, "v-visitor-1", "where is my order", "m1")).block(TIMEOUT);

        assertThat(retried.repeated()).isTrue();
        assertThat(retried.message()).isEqualTo(question);
        assertThat(retried.answer()).get().satisfies(answer -> {
            assertThat(answer.from()).isEqualTo(Sender.BOT);
            assertThat(answer.intent()).contains("order_status");
            assertThat(answer.replyTo()).hasValue(question.id());
        });
        assertThat(again.repeated()).isTrue();
        assertThat(again.message()).isEqualTo(question);
        assertThat(again.answer()).isEqualTo(retried.answer());
        assertThat(transcript(id)).extracting(Message::from).containsExactly(Sender.VISITOR, Sender.BOT);
    }

    @Test
    void aFreshMessageIsAnsweredAndNeedsNoAcknowledgement() {
        String id = conversationOf("v-visitor-1");

        ConversationEngine.Received received = nodeA.handle(says(id, "v-visitor-1", "where is my order", "m1")).block(TIMEOUT);

        assertThat(received.repeated()).isFalse();
        assertThat(received.answer()).get().extracting(Message::replyTo).isEqualTo(OptionalLong.of(received.message().id()));
    }

    @Test
    void twoNodesAnsweringTheSameMessageAtOnceStoreOneAnswer() {
        String id = conversationOf("v-visitor-1");
        storedButNotAnswered(id, "v-visitor-1", "how do I reset my password", "m1");

        List<ConversationEngine.Received> both = Flux.just(nodeA, nodeB)
                .flatMap(node -> node.handle(says(id, "v-visitor-1", "how do I reset my password", "m1")).subscribeOn(Schedulers.parallel()))
                .collectList().block(TIMEOUT);

        assertThat(both).hasSize(2).allSatisfy(received -> assertThat(received.answer()).isEqualTo(both.get(0).answer()));
        assertThat(transcript(id)).extracting(Message::from).containsExactly(Sender.VISITOR, Sender.BOT);
        assertThat(world.observed.turns).as("the turn whose answer was stored reports it, once").hasSize(1);
    }

    @Test
    void aMessageSentTwiceIsReportedOnceAndTheFirstOfAConversationAsSuch() {
        String id = conversationOf("v-visitor-1");

        nodeA.handle(says(id, "v-visitor-1", "where is my order", "m1")).block(TIMEOUT);
        nodeB.handle(says(id, "v-visitor-1", "where is my order", "m1")).block(TIMEOUT);
        nodeA.handle(says(id, "v-visitor-1", "how do I reset my password", "m2")).block(TIMEOUT);

        assertThat(world.observed.steps).filteredOn(step -> step.startsWith("visitor wrote"))
                .containsExactly("visitor wrote in " + id + " first", "visitor wrote in " + id);
        assertThat(world.observed.turns).hasSize(2).allSatisfy(turn -> {
            assertThat(turn.decision().kind()).isEqualTo(BotDecision.Kind.ANSWER);
            assertThat(turn.classificationNanos()).isPositive();
            assertThat(turn.latencyNanos()).isGreaterThanOrEqualTo(turn.classificationNanos());
        });
        assertThat(world.observed.turns).extracting(turn -> turn.decision().intent().orElseThrow())
                .containsExactly("order_status", "reset_password");
    }

    @Test
    void theSweepAnswersAnOrphanOnceAndLeavesAnsweredMessagesAlone() {
        String orphaned = conversationOf("v-visitor-1");
        String answered = conversationOf("v-visitor-2");
        Message orphan = storedButNotAnswered(orphaned, "v-visitor-1", "where is my order", "m1");
        nodeA.handle(says(answered, "v-visitor-2", "how do I reset my password", "m1")).block(TIMEOUT);
        UnansweredMessages sweep = sweepOn(nodeB);

        assertThat(sweep.sweep().collectList().block(TIMEOUT)).as("its node may still be answering it").isEmpty();
        clock.advance(ANSWER_AFTER);
        List<Message> late = sweep.sweep().collectList().block(TIMEOUT);
        clock.advance(ANSWER_AFTER.multipliedBy(10));
        List<Message> later = sweep.sweep().collectList().block(TIMEOUT);

        assertThat(late).singleElement().satisfies(answer -> {
            assertThat(answer.conversationId()).isEqualTo(orphaned);
            assertThat(answer.replyTo()).hasValue(orphan.id());
            assertThat(answer.intent()).contains("order_status");
        });
        assertThat(later).isEmpty();
        assertThat(transcript(orphaned)).extracting(Message::from).containsExactly(Sender.VISITOR, Sender.BOT);
        assertThat(transcript(answered)).extracting(Message::from).containsExactly(Sender.VISITOR, Sender.BOT);
    }

    @Test
    void nodesSweepingAtOnceAnswerAnOrphanOnce() {
        String id = conversationOf("v-visitor-1");
        storedButNotAnswered(id, "v-visitor-1", "where is my order", "m1");
        clock.advance(ANSWER_AFTER);

        List<Message> answers = Flux.merge(sweepOn(nodeA).sweep().subscribeOn(Schedulers.parallel()),
                sweepOn(nodeB).sweep().subscribeOn(Schedulers.parallel())).collectList().block(TIMEOUT);

        assertThat(answers).hasSize(1);
        assertThat(transcript(id)).extracting(Message::from).containsExactly(Sender.VISITOR, Sender.BOT);
    }

    @Test
    void aMessageHandedToPeopleIsNotTakenUpByTheSweepWhenTheVisitorReturnsToTheBot() {
        String id = conversationOf("v-visitor-1");
        nodeA.handle(says(id, "v-visitor-1", "I want to talk to a person", "m1")).block(TIMEOUT);
        nodeA.stopWaiting(id, "v-visitor-1").block(TIMEOUT);
        int before = transcript(id).size();
        clock.advance(ANSWER_AFTER);

        assertThat(sweepOn(nodeB).sweep().collectList().block(TIMEOUT)).isEmpty();
        assertThat(transcript(id)).hasSize(before);
    }

    @Test
    void theSweepForgetsAMessageWhoseConversationLeftTheBot() {
        String id = conversationOf("v-visitor-1");
        storedButNotAnswered(id, "v-visitor-1", "where is my order", "m1");
        conversations.update(id, c -> c.handOff(Fixtures.summary(), clock.instant())).block(TIMEOUT);
        clock.advance(ANSWER_AFTER);

        assertThat(sweepOn(nodeA).sweep().collectList().block(TIMEOUT)).isEmpty();

        assertThat(conversations.claimUnanswered(clock.instant().plus(ANSWER_AFTER.multipliedBy(100)), 10).collectList().block(TIMEOUT))
                .as("forgotten, not offered again").isEmpty();
        assertThat(transcript(id)).extracting(Message::from).containsExactly(Sender.VISITOR);
    }

    @Test
    void aHandoffThatFailedIsRetriedByTheSweepWithItsTurnRecordedOnce() {
        String id = conversationOf("v-visitor-1");
        AtomicBoolean handoffFails = new AtomicBoolean(true);
        ConversationStore timingOutOnHandoff = new DelegatingConversationStore(conversations) {
            @Override
            public Mono<Conversation> update(String conversationId, UnaryOperator<Conversation> change) {
                return store.find(conversationId).flatMap(current -> {
                    boolean handsOff = current.botMaySpeak() && change.apply(current).state() == ConversationState.WAITING_FOR_AGENT;
                    return handsOff && handoffFails.getAndSet(false)
                            ? Mono.error(new IllegalStateException("the store timed out"))
                            : store.update(conversationId, change);
                });
            }
        };
        Stores breaking = new Stores(timingOutOnHandoff, stores.queue(), stores.presence(), stores.leftMessages(),
                stores.events(), stores.visitorPresence());
        ConversationEngine node = engineOn(breaking, world.handoffsOn(breaking));
        Conversation before = conversations.find(id).block(TIMEOUT);
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> node.handle(says(id, "v-visitor-1", "I want to talk to a person", "m1")).block(TIMEOUT))
                .hasMessageContaining("timed out");
        assertThat(conversations.find(id).block(TIMEOUT)).as("the failed handoff left nothing of its turn").isEqualTo(before);

        clock.advance(ANSWER_AFTER);
        sweepOn(node).sweep().collectList().block(TIMEOUT);

        Conversation after = conversations.find(id).block(TIMEOUT);
        assertThat(after.state()).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(after.handoff().orElseThrow().reason()).isEqualTo(HandoffReason.VISITOR_ASKED);
        assertThat(transcript(id)).extracting(Message::from).as("one announcement").containsExactly(Sender.VISITOR, Sender.BOT);
    }
}
