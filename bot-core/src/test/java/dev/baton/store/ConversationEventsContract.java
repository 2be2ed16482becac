package dev.baton.store;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.events.ConversationEvent;
import dev.baton.events.ConversationEvents;
import dev.baton.conversation.Sender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.baton.store.Fixtures.ALICE;
import static dev.baton.store.Fixtures.T0;
import static dev.baton.store.Fixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ConversationEvents} bus does, specified once. */
public abstract class ConversationEventsContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    protected ConversationEvents publisher;
    protected ConversationEvents observer;

    protected abstract ConversationEvents newEvents();

    /** Another node on the same bus as {@link #publisher}, ready to hear it; the same bus on a single node. */
    protected abstract ConversationEvents sameBusOnAnotherNode();

    @BeforeEach
    void createBus() {
        publisher = newEvents();
        observer = sameBusOnAnotherNode();
    }

    protected static List<ConversationEvent> everyKindOfEvent() {
        Conversation assigned = waiting("v-visitor-1", T0).assign(ALICE, T0.plusSeconds(5));
        String id = assigned.id();
        Conversation ofATeam = assigned.transferToTeam("billing", T0.plusSeconds(6));
        return List.of(
                new ConversationEvent.MessageAdded(id, Fixtures.message(7, id)),
                new ConversationEvent.StateChanged(id, assigned),

                new ConversationEvent.Typing(id, Sender.AGENT),
                new ConversationEvent.MessageLeft(id, Fixtures.leftMessage("call me", Optional.of("+39 333 1234567"), T0)),
                new ConversationEvent.QueueChanged(id),
                new ConversationEvent.MessageAdded(id, Message.stored(8, id, Fixtures.botAnswer().replyingTo(7), T0)),
                new ConversationEvent.StateChanged(id, ofATeam),
                new ConversationEvent.AutoAssigned(id, ALICE.username()));
    }

    @Test
    void everyKindOfEventPublishedOnOneNodeIsObservedOnAnother() {
        List<ConversationEvent> events = everyKindOfEvent();

        StepVerifier.create(observer.observe().take(events.size()))
                .then(() -> events.forEach(e -> publisher.publish(e).block(TIMEOUT)))
                .expectNextSequence(events)
                .verifyComplete();
    }

    @Test
    void everySubscriberSeesEveryEvent() {
        List<ConversationEvent> events = everyKindOfEvent();
        CompletableFuture<List<ConversationEvent>> first = observer.observe().take(events.size()).collectList().toFuture();

        StepVerifier.create(observer.observe().take(events.size()))
                .then(() -> events.forEach(e -> publisher.publish(e).block(TIMEOUT)))
                .expectNextSequence(events)
                .verifyComplete();
        StepVerifier.create(reactor.core.publisher.Mono.fromFuture(first)).expectNext(events).verifyComplete();
    }

    @Test
    void eventsPublishedBeforeSubscribingAreNotReplayed() throws Exception {
        List<ConversationEvent> events = everyKindOfEvent();
        CompletableFuture<ConversationEvent> probe = observer.observe().next().toFuture();
        publisher.publish(events.get(0)).block(TIMEOUT);
        probe.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS); // the first event has reached the other node

        StepVerifier.create(observer.observe().next())
                .then(() -> publisher.publish(events.get(1)).block(TIMEOUT))
                .expectNext(events.get(1))
                .verifyComplete();
    }

    @Test
    void publishingWithNobodyListeningSucceeds() {
        StepVerifier.create(publisher.publish(everyKindOfEvent().get(4))).verifyComplete();
    }

    @Test
    void aSubscriberThatStopsTakingEventsGetsWhatWasBufferedThenAnOverflowRatherThanBufferingForEver() {
        ConversationEvent typing = new ConversationEvent.Typing("c-slow-subscriber", Sender.VISITOR);
        int published = ConversationEvents.MAX_BUFFERED_EVENTS + 1;

        StepVerifier.create(observer.observe(), 0)
                .then(() -> {
                    // A subscriber that keeps up shows when every event has reached the node, the stalled one too.
                    CompletableFuture<Long> delivered = observer.observe().take(published).count().toFuture();
                    Flux.range(0, published).concatMap(i -> publisher.publish(typing)).blockLast(TIMEOUT);
                    assertThat(delivered.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join()).isEqualTo(published);
                })
                .thenRequest(Long.MAX_VALUE)
                .expectNextCount(ConversationEvents.MAX_BUFFERED_EVENTS)
                .expectErrorMatches(Exceptions::isOverflow)
                .verify(TIMEOUT);
    }
}
