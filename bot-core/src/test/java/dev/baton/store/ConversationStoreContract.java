package dev.baton.store;

import dev.baton.conversation.Appended;
import dev.baton.conversation.AppendedTo;
import dev.baton.conversation.AtCapacityException;
import dev.baton.conversation.Conversation;
import dev.baton.events.ConversationEvent;
import dev.baton.events.ConversationEvents;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.QueueRepair;
import dev.baton.conversation.Sender;
import dev.baton.handoff.AgentQueue;
import dev.baton.conversation.UnansweredMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;

import static dev.baton.store.Fixtures.ALICE;
import static dev.baton.store.Fixtures.BRUNO;
import static dev.baton.store.Fixtures.T0;
import static dev.baton.store.Fixtures.conversation;
import static dev.baton.store.Fixtures.visitorSays;
import static dev.baton.store.Fixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ConversationStore} does, specified once. Subclasses provide the store and, for stores shared
 * by several nodes, a second node's view of the same data.
 */
public abstract class ConversationStoreContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    protected ConversationStore store;
    protected ConversationStore otherNode;

    /** A fresh, empty store. */
    protected abstract ConversationStore newStore();

    /** Another node's view of the same data as {@link #store}; the store itself for a single-node store. */
    protected abstract ConversationStore sameDataOnAnotherNode();

    /** The events another node observes, where {@link #store} announces what it appends. */
    protected abstract ConversationEvents eventsOnAnotherNode();

    /** The agents' queue of {@link #store}'s data, as a node reads it. */
    protected abstract AgentQueue queue();

    protected AgentQueue queue;

    @BeforeEach
    void createStore() {
        store = newStore();
        otherNode = sameDataOnAnotherNode();
        queue = queue();
    }

    private Conversation created(Conversation c) {
        return store.create(c).block(TIMEOUT);
    }

    private ConversationStore node(int i) {
        return i % 2 == 0 ? store : otherNode;
    }

    @Test
    void findsTheConversationItCreatedWithEveryField() {
        Conversation assigned = waiting("v-visitor-1", T0).assign(ALICE, T0.plusSeconds(5));

        StepVerifier.create(store.create(assigned)).expectNext(assigned).verifyComplete();

        StepVerifier.create(otherNode.find(assigned.id())).expectNext(assigned).verifyComplete();
        StepVerifier.create(otherNode.withAgent("alice")).expectNext(assigned).verifyComplete();
        StepVerifier.create(otherNode.ofVisitor("v-visitor-1")).expectNext(assigned).verifyComplete();
    }

    @Test
    void findIsEmptyForAnUnknownConversation() {
        StepVerifier.create(store.find("c-unknown")).verifyComplete();
    }

    @Test
    void refusesToCreateAConversationWhoseIdIsTaken() {
        Conversation first = created(conversation("v-visitor-1", T0));
        Conversation sameId = Conversation.start(first.id(), "v-visitor-2", java.util.Optional.empty(), T0.plusSeconds(1));

        StepVerifier.create(otherNode.create(sameId)).expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(store.find(first.id())).expectNext(first).verifyComplete();
    }

    @Test
    void concurrentUpdatesFromSeveralNodesNeverLoseEachOther() {
        Conversation c = created(conversation("v-visitor-1", T0));
        int updates = 40;

        Flux.range(0, updates)
                .flatMap(i -> node(i).update(c.id(), current -> current.afterBotTurn("it", false, List.of(), T0.plusSeconds(i)))
                        .subscribeOn(Schedulers.parallel()))
                .blockLast(TIMEOUT);

        StepVerifier.create(store.find(c.id()).map(Conversation::consecutiveFailures)).expectNext(updates).verifyComplete();
    }

    @Test
    void exactlyOneOfTwoAgentsAssigningTheSameConversationAtOnceWins() {
        Conversation c = created(waiting("v-visitor-1", T0));

        List<Boolean> outcomes = Flux.just(ALICE, BRUNO)
                .flatMap(agent -> node(agent == ALICE ? 0 : 1).update(c.id(), current -> current.assign(agent, T0.plusSeconds(9)))
                        .map(assigned -> true)
                        .onErrorResume(IllegalTransitionException.class, lost -> Mono.just(false))
                        .subscribeOn(Schedulers.parallel()))
                .collectList().block(TIMEOUT);

        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void anUpdateThatThrowsLeavesTheConversationAsItWas() {
        Conversation c = created(conversation("v-visitor-1", T0));
        Conversation resolved = store.update(c.id(), current -> current.resolve(T0.plusSeconds(1))).block(TIMEOUT);

        StepVerifier.create(otherNode.update(c.id(), current -> current.resolve(T0.plusSeconds(2))))
                .expectError(IllegalTransitionException.class)
                .verify(TIMEOUT);

        StepVerifier.create(store.find(c.id())).expectNext(resolved).verifyComplete();
    }

    @Test
    void updatingAnUnknownConversationIsEmptyAndDoesNotCallTheChange() {
        StepVerifier.create(store.update("c-unknown", current -> {
            throw new AssertionError("the change must not run for an unknown conversation");
        })).verifyComplete();
    }

    @Test
    void appendNumbersMessagesOneTwoThreeAndTimestampsThem() {
        Conversation c = created(conversation("v-visitor-1", T0));

        StepVerifier.create(Flux.concat(store.append(c.id(), visitorSays("hello")),
                        otherNode.append(c.id(), Fixtures.botAnswer()),
                        store.append(c.id(), visitorSays("thanks"))))
                .assertNext(m -> {
                    assertThat(m.id()).isEqualTo(1);
                    assertThat(m.conversationId()).isEqualTo(c.id());
                    assertThat(m.from()).isEqualTo(Sender.VISITOR);
                    assertThat(m.at()).isNotNull();
                })
                .assertNext(m -> assertThat(m.id()).isEqualTo(2))
                .assertNext(m -> assertThat(m.id()).isEqualTo(3))
                .verifyComplete();
    }

    @Test
    void aStoredMessageKeepsEveryField() {
        Conversation c = created(conversation("v-visitor-1", T0));
        MessageDraft answer = Fixtures.botAnswer();
        MessageDraft agentSays = MessageDraft.fromAgent("Alice", "Ciao, sono Alice", java.util.Optional.of("a-1"));

        Message first = store.append(c.id(), answer).block(TIMEOUT);
        Message second = store.append(c.id(), agentSays).block(TIMEOUT);

        assertThat(first.text()).isEqualTo(answer.text());
        assertThat(first.quickReplies()).isEqualTo(answer.quickReplies());
        assertThat(first.intent()).contains("shipping");
        assertThat(first.authorName()).isEmpty();
        assertThat(second.authorName()).contains("Alice");
        assertThat(second.clientMessageId()).contains("a-1");
        StepVerifier.create(otherNode.transcript(c.id(), 0)).expectNext(first, second).verifyComplete();
    }

    @Test
    void aBotMessageKeepsWhyTheBotWroteIt() {
        Conversation c = created(conversation("v-visitor-1", T0));
        Message question = store.append(c.id(), visitorSays("how much is shipping?")).block(TIMEOUT);

        Message answer = store.updateAndAppend(c.id(), current -> current,
                Fixtures.botAnswer().replyingTo(question.id())).block(TIMEOUT).appended().message();
        Message handingOff = store.append(c.id(), MessageDraft.fromBot("I'm handing you over", List.of())
                .decidedBy(Fixtures.visitorAskedForAPerson())).block(TIMEOUT);

        assertThat(answer.decision()).contains(Fixtures.answeredShipping());
        assertThat(handingOff.decision()).contains(Fixtures.visitorAskedForAPerson());
        assertThat(question.decision()).isEmpty();
        StepVerifier.create(otherNode.transcript(c.id(), 0)).expectNext(question, answer, handingOff).verifyComplete();
    }

    @Test
    void aRetriedQuestionIsAcknowledgedWithItsAnswerAndWhyTheBotGaveIt() {
        Conversation c = created(conversation("v-visitor-1", T0));
        Message question = store.append(c.id(), visitorSays("how much is shipping?", "m1")).block(TIMEOUT);
        Message answer = store.append(c.id(), Fixtures.botAnswer().replyingTo(question.id())).block(TIMEOUT);

        Appended retried = otherNode.appendOnce(c.id(), visitorSays("how much is shipping?", "m1")).block(TIMEOUT);

        assertThat(retried.reply()).contains(answer);
        assertThat(retried.reply().orElseThrow().decision()).contains(Fixtures.answeredShipping());
    }

    @Test
    void concurrentAppendsFromSeveralNodesGetDistinctIdsWithoutGaps() {
        Conversation c = created(conversation("v-visitor-1", T0));
        int appends = 60;

        List<Long> ids = Flux.range(0, appends)
                .flatMap(i -> node(i).append(c.id(), visitorSays("message " + i)).subscribeOn(Schedulers.parallel()))
                .map(Message::id)
                .collectList().block(TIMEOUT);

        assertThat(ids).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, appends).boxed().toList());
        assertThat(store.transcript(c.id(), 0).map(Message::id).collectList().block(TIMEOUT))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, appends).boxed().toList());
    }

    @Test
    void aRetriedClientMessageIdIsStoredOnceAndAnswersWithTheEarlierMessage() {
        Conversation c = created(conversation("v-visitor-1", T0));
        Message first = store.append(c.id(), visitorSays("where is my order?", "m1")).block(TIMEOUT);
        store.append(c.id(), Fixtures.botAnswer()).block(TIMEOUT);

        StepVerifier.create(otherNode.appendOnce(c.id(), visitorSays("where is my order?", "m1")))
                .expectNext(new Appended(first, false)).verifyComplete();
        StepVerifier.create(otherNode.appendOnce(c.id(), visitorSays("where is my order?", "m2")))
                .assertNext(appended -> assertThat(appended.fresh()).isTrue()).verifyComplete();

        StepVerifier.create(store.transcript(c.id(), 0).map(Message::id)).expectNext(1L, 2L, 3L).verifyComplete();
    }

    @Test
    void announcesEachFreshMessageToEveryNodeAndARetriedOneNever() {
        Conversation c = created(conversation("v-visitor-1", T0));

        StepVerifier.create(eventsOnAnotherNode().observe().filter(e -> e.conversationId().equals(c.id())).take(2))
                .then(() -> {
                    store.appendOnce(c.id(), visitorSays("hello", "m1")).block(TIMEOUT);
                    otherNode.appendOnce(c.id(), visitorSays("hello", "m1")).block(TIMEOUT);
                    store.appendOnce(c.id(), visitorSays("thanks", "m2")).block(TIMEOUT);
                })
                .assertNext(event -> assertThat(event).isInstanceOfSatisfying(ConversationEvent.MessageAdded.class,
                        added -> assertThat(added.message().text()).isEqualTo("hello")))
                .assertNext(event -> assertThat(event).isInstanceOfSatisfying(ConversationEvent.MessageAdded.class,
                        added -> {
                            assertThat(added.message().text()).isEqualTo("thanks");
                            assertThat(added.message().id()).isEqualTo(2);
                            assertThat(added.message().clientMessageId()).contains("m2");
                        }))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void racingRetriesOfOneClientMessageIdStoreItOnce() {
        Conversation c = created(conversation("v-visitor-1", T0));

        List<Appended> answers = Flux.range(0, 8)
                .flatMap(i -> node(i).appendOnce(c.id(), visitorSays("hello", "m1")).subscribeOn(Schedulers.parallel()))
                .collectList().block(TIMEOUT);

        assertThat(answers).hasSize(8).allSatisfy(a -> assertThat(a.message()).isEqualTo(answers.get(0).message()));
        assertThat(answers).filteredOn(Appended::fresh).as("stored by exactly one of the racing sends").hasSize(1);
        StepVerifier.create(store.transcript(c.id(), 0).count()).expectNext(1L).verifyComplete();
    }

    @Test
    void aVisitorAppendsToTheirOwnConversationAndLearnsItsStateAsOfThatMessage() {
        Conversation c = created(conversation("v-visitor-1", T0));
        store.find(c.id()).block(TIMEOUT);
        Conversation assigned = otherNode.update(c.id(), current -> current.handOff(Fixtures.summary(), T0.plusSeconds(1))
                .assign(ALICE, T0.plusSeconds(2))).block(TIMEOUT);

        // This node read the conversation before the other node handed it to Alice: it must not act on that.
        StepVerifier.create(store.appendAsVisitor(c.id(), "v-visitor-1", visitorSays("are you there?", "m1")))
                .assertNext(stored -> {
                    assertThat(stored.conversation()).isEqualTo(assigned);
                    assertThat(stored.appended().fresh()).isTrue();
                    assertThat(stored.appended().message().id()).isEqualTo(1);
                    assertThat(stored.appended().message().clientMessageId()).contains("m1");
                })
                .verifyComplete();
        StepVerifier.create(otherNode.appendAsVisitor(c.id(), "v-visitor-1", visitorSays("are you there?", "m1")))
                .assertNext(retried -> assertThat(retried.appended().fresh()).isFalse())
                .verifyComplete();
        StepVerifier.create(store.transcript(c.id(), 0).map(Message::text)).expectNext("are you there?").verifyComplete();
    }

    @Test
    void aVisitorCannotAppendToSomeoneElsesAResolvedOrAnUnknownConversation() {
        Conversation theirs = created(conversation("v-visitor-2", T0));
        Conversation resolved = created(conversation("v-visitor-1", T0));
        otherNode.update(resolved.id(), current -> current.resolve(T0.plusSeconds(1))).block(TIMEOUT);

        StepVerifier.create(store.appendAsVisitor(theirs.id(), "v-visitor-1", visitorSays("hi"))).verifyComplete();
        StepVerifier.create(store.appendAsVisitor(resolved.id(), "v-visitor-1", visitorSays("hi")))
                .expectError(IllegalTransitionException.class).verify(TIMEOUT);
        StepVerifier.create(store.appendAsVisitor("c-unknown", "v-visitor-1", visitorSays("hi"))).verifyComplete();

        StepVerifier.create(store.transcript(theirs.id(), 0)).verifyComplete();
        StepVerifier.create(store.transcript(resolved.id(), 0)).verifyComplete();
    }

    @Test
    void updateAndAppendAppliesTheChangeToTheLatestVersionAndStoresTheMessage() {
        Conversation c = created(conversation("v-visitor-1", T0));
        store.find(c.id()).block(TIMEOUT);
        otherNode.update(c.id(), current -> current.afterBotTurn("it", false, List.of(), T0.plusSeconds(1))).block(TIMEOUT);

        StepVerifier.create(store.updateAndAppend(c.id(),
                        current -> current.afterBotTurn("it", false, List.of(), T0.plusSeconds(2)), Fixtures.botAnswer()))
                .assertNext(stored -> {
                    assertThat(stored.conversation().consecutiveFailures()).isEqualTo(2);
                    assertThat(stored.appended().message().id()).isEqualTo(1);
                    assertThat(stored.appended().message().intent()).contains("shipping");
                })
                .verifyComplete();
        StepVerifier.create(otherNode.find(c.id()).map(Conversation::consecutiveFailures)).expectNext(2).verifyComplete();
        StepVerifier.create(otherNode.transcript(c.id(), 0).map(Message::from)).expectNext(Sender.BOT).verifyComplete();
    }

    @Test
    void updateAndAppendStoresNothingWhenTheChangeThrowsOrTheConversationIsUnknown() {
        Conversation c = created(conversation("v-visitor-1", T0));
        Conversation resolved = store.update(c.id(), current -> current.resolve(T0.plusSeconds(1))).block(TIMEOUT);

        StepVerifier.create(otherNode.updateAndAppend(c.id(),
                        current -> current.afterBotTurn("it", true, List.of(), T0.plusSeconds(2)), Fixtures.botAnswer()))
                .expectError(IllegalTransitionException.class).verify(TIMEOUT);
        StepVerifier.create(store.updateAndAppend("c-unknown", current -> current, Fixtures.botAnswer())).verifyComplete();

        StepVerifier.create(store.find(c.id())).expectNext(resolved).verifyComplete();
        StepVerifier.create(store.transcript(c.id(), 0)).verifyComplete();
    }

    @Test
    void aMessageGetsOneAnswerAndTheTurnIsRecordedOnceWhicheverNodeAnswers() {
        Conversation c = created(conversation("v-visitor-1", T0));
        Message question = store.appendAsVisitor(c.id(), "v-visitor-1", visitorSays("where is my order?", "m1"))
                .block(TIMEOUT).appended().message();
        UnaryOperator<Conversation> turn = current -> current.afterBotTurn("it", false, List.of(), T0.plusSeconds(1));

        AppendedTo first = store.updateAndAppend(c.id(), turn, Fixtures.botAnswer().replyingTo(question.id())).block(TIMEOUT);
        AppendedTo second = otherNode.updateAndAppend(c.id(), turn, Fixtures.botAnswer().replyingTo(question.id())).block(TIMEOUT);
        Appended third = otherNode.appendOnce(c.id(), MessageDraft.fromBot("another answer", List.of()).replyingTo(question.id())).block(TIMEOUT);

        assertThat(first.appended().fresh()).isTrue();
        assertThat(first.appended().message().replyTo()).hasValue(question.id());
        assertThat(second.appended()).isEqualTo(new Appended(first.appended().message(), false));
        assertThat(third).isEqualTo(new Appended(first.appended().message(), false));
        StepVerifier.create(store.find(c.id()).map(Conversation::consecutiveFailures)).as("the turn recorded once")
                .expectNext(1).verifyComplete();
        StepVerifier.create(otherNode.transcript(c.id(), 0).map(Message::id)).expectNext(1L, 2L).verifyComplete();
    }

    @Test
    void racingAnswersToOneMessageStoreOne() {
        Conversation c = created(conversation("v-visitor-1", T0));
        Message question = store.append(c.id(), visitorSays("where is my order?", "m1")).block(TIMEOUT);

        List<AppendedTo> answers = Flux.range(0, 8)
                .flatMap(i -> node(i).updateAndAppend(c.id(), current -> current.afterBotTurn("it", false, List.of(), T0),
                        Fixtures.botAnswer().replyingTo(question.id())).subscribeOn(Schedulers.parallel()))
                .collectList().block(TIMEOUT);

        assertThat(answers).filteredOn(a -> a.appended().fresh()).as("stored by exactly one of the racing turns").hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(a.appended().message().id()).isEqualTo(2));
        StepVerifier.create(store.find(c.id()).map(Conversation::consecutiveFailures)).expectNext(1).verifyComplete();
        StepVerifier.create(store.transcript(c.id(), 0).count()).expectNext(2L).verifyComplete();
    }

    @Test
    void aRetriedVisitorMessageComesBackWithItsAnswer() {
        Conversation c = created(conversation("v-visitor-1", T0));
        store.appendAsVisitor(c.id(), "v-visitor-1", visitorSays("where is my order?", "m1")).block(TIMEOUT);
        StepVerifier.create(otherNode.appendAsVisitor(c.id(), "v-visitor-1", visitorSays("where is my order?", "m1")))
                .assertNext(retried -> assertThat(retried.appended().reply()).as("not answered yet").isEmpty())
                .verifyComplete();
        Message answer = otherNode.append(c.id(), Fixtures.botAnswer().replyingTo(1)).block(TIMEOUT);

        StepVerifier.create(store.appendAsVisitor(c.id(), "v-visitor-1", visitorSays("where is my order?", "m1")))
                .assertNext(retried -> {
                    assertThat(retried.appended().fresh()).isFalse();
                    assertThat(retried.appended().message().id()).isEqualTo(1);
                    assertThat(retried.appended().reply()).contains(answer);
                })
                .verifyComplete();
    }

    @Test
    void aClientMessageIdCannotPassForAnAnswer() {
        Conversation c = created(conversation("v-visitor-1", T0));
        store.append(c.id(), visitorSays("I pick my own ids", "1")).block(TIMEOUT);

        StepVerifier.create(otherNode.appendOnce(c.id(), Fixtures.botAnswer().replyingTo(1)))
                .assertNext(answer -> {
                    assertThat(answer.fresh()).isTrue();
                    assertThat(answer.message().from()).isEqualTo(Sender.BOT);
                })
                .verifyComplete();
    }

    @Test
    void aMessageToTheBotAwaitsItsAnswerUntilOneIsStored() {
        Conversation toTheBot = created(conversation("v-visitor-1", T0));
        Conversation toAnAgent = created(waiting("v-visitor-2", T0));
        store.appendAsVisitor(toTheBot.id(), "v-visitor-1", visitorSays("where is my order?", "m1")).block(TIMEOUT);
        store.appendAsVisitor(toTheBot.id(), "v-visitor-1", visitorSays("hello?", "m2")).block(TIMEOUT);
        store.appendAsVisitor(toAnAgent.id(), "v-visitor-2", visitorSays("anyone?", "m1")).block(TIMEOUT);
        Instant later = Instant.now().plusSeconds(60);

        StepVerifier.create(unansweredIn(toTheBot, toAnAgent, otherNode.claimUnanswered(Instant.EPOCH, 10))).as("none is that old")
                .verifyComplete();
        StepVerifier.create(unansweredIn(toTheBot, toAnAgent, otherNode.claimUnanswered(later, 10)))
                .expectNext(new UnansweredMessage(toTheBot.id(), 1), new UnansweredMessage(toTheBot.id(), 2))
                .verifyComplete();

        otherNode.updateAndAppend(toTheBot.id(), current -> current, Fixtures.botAnswer().replyingTo(1)).block(TIMEOUT);
        store.forgetUnanswered(new UnansweredMessage(toTheBot.id(), 2)).block(TIMEOUT);

        StepVerifier.create(unansweredIn(toTheBot, toAnAgent, store.claimUnanswered(later.plusSeconds(60), 10))).verifyComplete();
    }

    private static Flux<UnansweredMessage> unansweredIn(Conversation one, Conversation other, Flux<UnansweredMessage> claimed) {
        return claimed.filter(m -> m.conversationId().equals(one.id()) || m.conversationId().equals(other.id()));
    }

    @Test
    void clientMessageIdsBelongToTheirConversation() {
        Conversation one = created(conversation("v-visitor-1", T0));
        Conversation two = created(conversation("v-visitor-2", T0));
        store.append(one.id(), visitorSays("first", "m1")).block(TIMEOUT);
        store.append(one.id(), visitorSays("second", "m2")).block(TIMEOUT);

        StepVerifier.create(store.append(two.id(), visitorSays("hi", "m2")))
                .assertNext(m -> {
                    assertThat(m.id()).isEqualTo(1);
                    assertThat(m.conversationId()).isEqualTo(two.id());
                    assertThat(m.text()).isEqualTo("hi");
                })
                .verifyComplete();
    }

    @Test
    void theTranscriptAfterAnIdHoldsOnlyLaterMessagesInOrder() {
        Conversation c = created(conversation("v-visitor-1", T0));
        for (int i = 1; i <= 5; i++) {
            store.append(c.id(), visitorSays("message " + i)).block(TIMEOUT);
        }

        StepVerifier.create(otherNode.transcript(c.id(), 2).map(Message::text))
                .expectNext("message 3", "message 4", "message 5")
                .verifyComplete();
        StepVerifier.create(store.transcript(c.id(), 5)).verifyComplete();
        StepVerifier.create(store.transcript(c.id(), 0).count()).expectNext(5L).verifyComplete();
    }

    @Test
    void anUnknownConversationHasNoTranscriptAndTakesNoMessages() {
        StepVerifier.create(store.append("c-unknown", visitorSays("hello"))).verifyComplete();
        StepVerifier.create(store.transcript("c-unknown", 0)).verifyComplete();
    }

    @Test
    void listsAVisitorsConversationsOldestFirst() {
        Conversation first = created(conversation("v-visitor-1", T0));
        Conversation someoneElses = created(conversation("v-visitor-2", T0.plusSeconds(30)));
        Conversation second = created(conversation("v-visitor-1", T0.plusSeconds(60)));
        Conversation third = otherNode.create(conversation("v-visitor-1", T0.plusSeconds(120))).block(TIMEOUT);
        Conversation secondResolved = store.update(second.id(), c -> c.resolve(T0.plusSeconds(90))).block(TIMEOUT);

        StepVerifier.create(otherNode.ofVisitor("v-visitor-1")).expectNext(first, secondResolved, third).verifyComplete();
        StepVerifier.create(store.ofVisitor("v-visitor-2")).expectNext(someoneElses).verifyComplete();
        StepVerifier.create(store.ofVisitor("v-nobody")).verifyComplete();
    }

    @Test
    void listsOnlyTheConversationsAnAgentIsTalkingInNow() {
        Instant later = T0.plusSeconds(10);
        Conversation withAlice = created(waiting("v-visitor-1", T0));
        Conversation withBruno = created(waiting("v-visitor-2", T0.plusSeconds(1)));
        Conversation handedBack = created(waiting("v-visitor-3", T0.plusSeconds(2)));
        Conversation resolved = created(waiting("v-visitor-4", T0.plusSeconds(3)));
        Conversation alsoWithAlice = created(waiting("v-visitor-5", T0.plusSeconds(4)));
        Conversation stillWaiting = created(waiting("v-visitor-6", T0.plusSeconds(5)));

        Conversation a1 = store.update(withAlice.id(), c -> c.assign(ALICE, later)).block(TIMEOUT);
        otherNode.update(withBruno.id(), c -> c.assign(BRUNO, later)).block(TIMEOUT);
        store.update(handedBack.id(), c -> c.assign(ALICE, later)).block(TIMEOUT);
        otherNode.update(handedBack.id(), c -> c.returnToBot(later)).block(TIMEOUT);
        store.update(resolved.id(), c -> c.assign(ALICE, later)).block(TIMEOUT);
        store.update(resolved.id(), c -> c.resolve(later)).block(TIMEOUT);
        Conversation a2 = otherNode.update(alsoWithAlice.id(), c -> c.assign(ALICE, later)).block(TIMEOUT);

        StepVerifier.create(otherNode.withAgent("alice")).expectNext(a1, a2).verifyComplete();
        StepVerifier.create(store.withAgent("bruno").map(Conversation::id)).expectNext(withBruno.id()).verifyComplete();
        StepVerifier.create(store.withAgent("carla")).verifyComplete();
        assertThat(store.find(stillWaiting.id()).block(TIMEOUT).state()).isEqualTo(ConversationState.WAITING_FOR_AGENT);
    }

    private Conversation handedOff(Conversation c, ConversationStore node) {
        return node.update(c.id(), current -> current.handOff(Fixtures.summary(), T0.plusSeconds(5))).block(TIMEOUT);
    }

    @Test
    void handingOffQueuesTheConversationBehindEveryoneAlreadyWaitingAcrossNodes() {
        Conversation first = created(conversation("v-visitor-1", T0));
        Conversation second = created(conversation("v-visitor-2", T0));
        Conversation third = created(conversation("v-visitor-3", T0));
        StepVerifier.create(queue.waiting()).verifyComplete();

        handedOff(first, store);
        handedOff(second, otherNode);
        handedOff(third, store);

        StepVerifier.create(queue.waiting()).expectNext(first.id(), second.id(), third.id()).verifyComplete();
    }

    @Test
    void aConversationCreatedWaitingIsQueued() {
        Conversation waiting = created(waiting("v-visitor-1", T0));
        created(conversation("v-visitor-2", T0));

        StepVerifier.create(queue.waiting()).expectNext(waiting.id()).verifyComplete();
    }

    @Test
    void aConversationWhoseAgentVanishedGoesBackToTheFrontOfTheQueue() {
        Conversation waitingLonger = created(waiting("v-visitor-1", T0));
        Conversation taken = created(waiting("v-visitor-2", T0.plusSeconds(1)));
        store.update(taken.id(), c -> c.assign(ALICE, T0.plusSeconds(2))).block(TIMEOUT);
        Conversation waitingShorter = created(waiting("v-visitor-3", T0.plusSeconds(3)));

        otherNode.update(taken.id(), c -> c.requeue(T0.plusSeconds(4))).block(TIMEOUT);

        StepVerifier.create(queue.waiting()).expectNext(taken.id(), waitingLonger.id(), waitingShorter.id()).verifyComplete();
    }

    @Test
    void aConversationKeepsTheTeamItWasRoutedToAndOneTransferredToAnotherTeamGoesToTheFrontOfTheQueue() {
        Conversation waitingLonger = created(waiting("v-visitor-1", T0));
        Conversation routed = created(conversation("v-visitor-2", T0));
        otherNode.update(routed.id(), c -> c.handOff(Fixtures.summary(), java.util.Optional.of("support"), T0.plusSeconds(1))).block(TIMEOUT);
        assertThat(store.find(routed.id()).block(TIMEOUT).team()).contains("support");
        store.update(routed.id(), c -> c.assign(ALICE, T0.plusSeconds(2))).block(TIMEOUT);

        Conversation transferred = otherNode.update(routed.id(), c -> c.transferToTeam("billing", T0.plusSeconds(3))).block(TIMEOUT);

        assertThat(store.find(routed.id()).block(TIMEOUT)).isEqualTo(transferred);
        assertThat(transferred.team()).contains("billing");
        assertThat(transferred.agent()).isEmpty();
        StepVerifier.create(queue.waiting()).expectNext(routed.id(), waitingLonger.id()).verifyComplete();
        StepVerifier.create(store.countWithAgent(ALICE.username())).expectNext(0).verifyComplete();
    }

    @Test
    void leavingTheWaitingStateTakesTheConversationOutOfTheQueue() {
        Conversation assigned = created(waiting("v-visitor-1", T0));
        Conversation gaveUp = created(waiting("v-visitor-2", T0));
        Conversation resolved = created(waiting("v-visitor-3", T0));
        Conversation stillWaiting = created(waiting("v-visitor-4", T0));

        store.update(assigned.id(), c -> c.assign(ALICE, T0.plusSeconds(5))).block(TIMEOUT);
        otherNode.update(gaveUp.id(), c -> c.stopWaiting(T0.plusSeconds(5))).block(TIMEOUT);
        store.update(resolved.id(), c -> c.resolve(T0.plusSeconds(5))).block(TIMEOUT);

        StepVerifier.create(queue.waiting()).expectNext(stillWaiting.id()).verifyComplete();
    }

    @Test
    void aConversationHandedOffAgainAfterTheBotGotItBackQueuesAtTheBack() {
        Conversation returning = created(waiting("v-visitor-1", T0));
        Conversation other = created(waiting("v-visitor-2", T0));
        store.update(returning.id(), c -> c.stopWaiting(T0.plusSeconds(5))).block(TIMEOUT);

        handedOff(returning, otherNode);

        StepVerifier.create(queue.waiting()).expectNext(other.id(), returning.id()).verifyComplete();
    }

    @Test
    void whenEightAgentsRaceForAWaitingConversationExactlyOneTakesItOutOfTheQueue() {
        Conversation c = created(waiting("v-visitor-1", T0));

        List<Boolean> outcomes = Flux.range(0, 8)
                .flatMap(i -> node(i).update(c.id(), current -> current.assign(i % 2 == 0 ? ALICE : BRUNO, T0.plusSeconds(9)))
                        .map(assigned -> true)
                        .onErrorResume(IllegalTransitionException.class, lost -> Mono.just(false))
                        .subscribeOn(Schedulers.parallel()))
                .collectList().block(TIMEOUT);

        assertThat(outcomes).hasSize(8).containsOnlyOnce(true);
        StepVerifier.create(queue.waiting()).verifyComplete();
    }

    @Test
    void anUpdateThatThrowsLeavesTheQueueAsItWas() {
        Conversation atTheBot = created(conversation("v-visitor-1", T0));
        Conversation waiting = created(waiting("v-visitor-2", T0));

        StepVerifier.create(store.update(atTheBot.id(), c -> {
            c.handOff(Fixtures.summary(), T0.plusSeconds(5));
            throw new IllegalStateException("the write failed");
        })).expectError(IllegalStateException.class).verify(TIMEOUT);
        StepVerifier.create(otherNode.update(waiting.id(), c -> c.requeue(T0.plusSeconds(5))))
                .expectError(IllegalTransitionException.class).verify(TIMEOUT);

        StepVerifier.create(queue.waiting()).expectNext(waiting.id()).verifyComplete();
        StepVerifier.create(store.find(atTheBot.id()).map(Conversation::state)).expectNext(ConversationState.BOT).verifyComplete();
    }

    @Test
    void aQueueKeptInStepByEveryTransitionNeedsNoRepair() {
        created(waiting("v-visitor-1", T0));
        Conversation taken = created(waiting("v-visitor-2", T0));
        store.update(taken.id(), c -> c.assign(ALICE, T0.plusSeconds(5))).block(TIMEOUT);
        handedOff(created(conversation("v-visitor-3", T0)), otherNode);

        StepVerifier.create(store.repairQueue()).verifyComplete();
    }

    @Test
    void twentyConcurrentAcceptsByOneAgentWithCapacityThreeAcrossNodesAssignExactlyThree() {
        List<Conversation> waiting = Flux.range(0, 20).map(i -> created(waiting("v-visitor-" + i, T0.plusSeconds(i)))).collectList().block(TIMEOUT);

        List<Boolean> outcomes = Flux.range(0, waiting.size())
                .flatMap(i -> node(i).updateWithinCapacity(waiting.get(i).id(), c -> c.assign(ALICE, T0.plusSeconds(60)), 3)
                        .map(assigned -> true)
                        .onErrorResume(AtCapacityException.class, full -> Mono.just(false))
                        .subscribeOn(Schedulers.parallel()))
                .collectList().block(TIMEOUT);

        assertThat(outcomes).hasSize(20).filteredOn(taken -> taken).hasSize(3);
        StepVerifier.create(otherNode.countWithAgent("alice")).expectNext(3).verifyComplete();
        StepVerifier.create(queue.waiting().count()).expectNext(17L).verifyComplete();
    }

    @Test
    void aRefusedAssignmentChangesNeitherTheConversationNorTheQueue() {
        Conversation first = created(waiting("v-visitor-1", T0));
        Conversation second = created(waiting("v-visitor-2", T0.plusSeconds(1)));
        store.updateWithinCapacity(first.id(), c -> c.assign(ALICE, T0.plusSeconds(5)), 1).block(TIMEOUT);

        StepVerifier.create(otherNode.updateWithinCapacity(second.id(), c -> c.assign(ALICE, T0.plusSeconds(6)), 1))
                .expectErrorSatisfies(refused -> assertThat(refused).isInstanceOf(AtCapacityException.class)
                        .hasMessageContaining("alice already has 1 open conversation"))
                .verify(TIMEOUT);

        StepVerifier.create(store.find(second.id()).map(Conversation::state)).expectNext(ConversationState.WAITING_FOR_AGENT).verifyComplete();
        StepVerifier.create(queue.waiting()).expectNext(second.id()).verifyComplete();
    }

    @Test
    void aConversationStayingWithItsAgentIsNeverRefusedAndATransferCountsOnlyTheNewAgent() {
        Conversation withAlice = created(waiting("v-visitor-1", T0));
        Conversation withBruno = created(waiting("v-visitor-2", T0));
        store.updateWithinCapacity(withAlice.id(), c -> c.assign(ALICE, T0.plusSeconds(5)), 1).block(TIMEOUT);
        store.updateWithinCapacity(withBruno.id(), c -> c.assign(BRUNO, T0.plusSeconds(5)), 1).block(TIMEOUT);

        StepVerifier.create(otherNode.updateWithinCapacity(withAlice.id(), UnaryOperator.identity(), 1)).expectNextCount(1).verifyComplete();
        StepVerifier.create(otherNode.updateWithinCapacity(withAlice.id(), c -> c.transfer(BRUNO, T0.plusSeconds(7)), 1))
                .expectError(AtCapacityException.class).verify(TIMEOUT);
        StepVerifier.create(otherNode.updateWithinCapacity(withAlice.id(), c -> c.transfer(BRUNO, T0.plusSeconds(8)), 2)
                        .map(c -> c.agent().orElseThrow()))
                .expectNext(BRUNO).verifyComplete();

        StepVerifier.create(store.countWithAgent("alice")).expectNext(0).verifyComplete();
        StepVerifier.create(store.countWithAgent("bruno")).expectNext(2).verifyComplete();
        StepVerifier.create(store.withAgent("bruno").map(Conversation::id)).expectNextCount(2).verifyComplete();
    }

    @Test
    void erasingAConversationLeavesNoTraceOfItInAnyIndex() {
        Conversation withBot = created(conversation("v-erased-1", T0));
        store.appendAsVisitor(withBot.id(), "v-erased-1", visitorSays("my email is ann@example.com", "m1")).block(TIMEOUT);
        Conversation waitingOne = created(waiting("v-erased-1", T0.plusSeconds(1)));
        Conversation withAgent = created(waiting("v-erased-1", T0.plusSeconds(2)));
        store.update(withAgent.id(), current -> current.assign(ALICE, T0.plusSeconds(3))).block(TIMEOUT);
        store.append(withAgent.id(), visitorSays("hello")).block(TIMEOUT);
        store.append(withAgent.id(), visitorSays("again", "m2")).block(TIMEOUT);
        Conversation someoneElses = created(waiting("v-kept-2", T0.plusSeconds(4)));

        StepVerifier.create(otherNode.erase(withBot.id())).expectNext(1).verifyComplete();
        StepVerifier.create(store.erase(waitingOne.id())).expectNext(0).verifyComplete();
        StepVerifier.create(otherNode.erase(withAgent.id())).expectNext(2).verifyComplete();

        for (ConversationStore node : List.of(store, otherNode)) {
            for (Conversation erased : List.of(withBot, waitingOne, withAgent)) {
                StepVerifier.create(node.find(erased.id())).verifyComplete();
                StepVerifier.create(node.transcript(erased.id(), 0)).verifyComplete();
            }
            StepVerifier.create(node.ofVisitor("v-erased-1")).verifyComplete();
            StepVerifier.create(node.withAgent("alice")).verifyComplete();
            StepVerifier.create(node.countWithAgent("alice")).expectNext(0).verifyComplete();
        }
        StepVerifier.create(queue.waiting()).expectNext(someoneElses.id()).verifyComplete();
        StepVerifier.create(unansweredIn(withBot, withBot, store.claimUnanswered(Instant.now().plusSeconds(60), 10))).verifyComplete();
        StepVerifier.create(store.find(someoneElses.id())).expectNext(someoneElses).verifyComplete();
    }

    @Test
    void erasingAnUnknownConversationIsEmpty() {
        StepVerifier.create(store.erase("c-unknown")).verifyComplete();
    }

    @Test
    void aConversationErasedCanNeitherBeWrittenInNorUpdated() {
        Conversation c = created(conversation("v-erased-1", T0));
        store.erase(c.id()).block(TIMEOUT);

        StepVerifier.create(otherNode.appendAsVisitor(c.id(), "v-erased-1", visitorSays("still there?"))).verifyComplete();
        StepVerifier.create(otherNode.update(c.id(), current -> current.resolve(T0))).verifyComplete();
        StepVerifier.create(store.erase(c.id())).verifyComplete();
    }

    @Test
    void findsTheConversationsWithAMessageThatMatchesOnEveryNode() {
        Conversation mentions = created(conversation("v-ann-1", T0));
        store.append(mentions.id(), visitorSays("hello")).block(TIMEOUT);
        store.append(mentions.id(), visitorSays("write to Ann@Example.com please")).block(TIMEOUT);
        Conversation silent = created(conversation("v-bob-2", T0));
        store.append(silent.id(), visitorSays("write to bob@example.com")).block(TIMEOUT);

        StepVerifier.create(otherNode.withMessageMatching(text -> text.toLowerCase().contains("ann@example.com")))
                .expectNext(mentions).verifyComplete();
        StepVerifier.create(store.withMessageMatching(text -> text.contains("nobody wrote this"))).verifyComplete();
    }
}
