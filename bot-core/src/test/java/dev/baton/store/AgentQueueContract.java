package dev.baton.store;

import dev.baton.handoff.AgentQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AgentQueue} does, specified once. */
public abstract class AgentQueueContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    protected AgentQueue queue;
    protected AgentQueue otherNode;

    protected abstract AgentQueue newQueue();

    /** Another node's view of the same queue as {@link #queue}; the queue itself for a single-node queue. */
    protected abstract AgentQueue sameQueueOnAnotherNode();

    @BeforeEach
    void createQueue() {
        queue = newQueue();
        otherNode = sameQueueOnAnotherNode();
    }

    @Test
    void isEmptyAtFirst() {
        StepVerifier.create(queue.waiting()).verifyComplete();
        StepVerifier.create(queue.position("c-1")).verifyComplete();
    }

    @Test
    void servesConversationsFirstComeFirstServedAcrossNodes() {
        queue.enqueue("c-1").block(TIMEOUT);
        otherNode.enqueue("c-2").block(TIMEOUT);
        queue.enqueue("c-3").block(TIMEOUT);

        StepVerifier.create(otherNode.waiting()).expectNext("c-1", "c-2", "c-3").verifyComplete();
        StepVerifier.create(queue.position("c-1")).expectNext(1).verifyComplete();
        StepVerifier.create(otherNode.position("c-3")).expectNext(3).verifyComplete();
    }

    @Test
    void aConversationWhoseAgentVanishedGoesToTheFrontAcrossNodes() {
        queue.enqueue("c-1").block(TIMEOUT);
        queue.enqueue("c-2").block(TIMEOUT);
        otherNode.enqueueFirst("c-back").block(TIMEOUT);
        queue.enqueueFirst("c-1").block(TIMEOUT);

        StepVerifier.create(queue.waiting()).expectNext("c-back", "c-1", "c-2").verifyComplete();
        StepVerifier.create(otherNode.position("c-back")).expectNext(1).verifyComplete();
    }

    @Test
    void enqueueingAWaitingConversationAgainKeepsItsPlace() {
        queue.enqueue("c-1").block(TIMEOUT);
        queue.enqueue("c-2").block(TIMEOUT);
        otherNode.enqueue("c-1").block(TIMEOUT);

        StepVerifier.create(queue.waiting()).expectNext("c-1", "c-2").verifyComplete();
    }

    @Test
    void aClaimedConversationLeavesTheQueueAndTheOthersMoveUp() {
        queue.enqueue("c-1").block(TIMEOUT);
        queue.enqueue("c-2").block(TIMEOUT);
        queue.enqueue("c-3").block(TIMEOUT);

        StepVerifier.create(otherNode.claim("c-1")).expectNext(true).verifyComplete();

        StepVerifier.create(queue.waiting()).expectNext("c-2", "c-3").verifyComplete();
        StepVerifier.create(queue.position("c-2")).expectNext(1).verifyComplete();
        StepVerifier.create(queue.position("c-1")).verifyComplete();
    }

    @Test
    void claimingAConversationThatIsNotWaitingFails() {
        StepVerifier.create(queue.claim("c-unknown")).expectNext(false).verifyComplete();
    }

    @Test
    void exactlyOneOfEightRacingClaimsWins() {
        queue.enqueue("c-1").block(TIMEOUT);

        List<Boolean> outcomes = Flux.range(0, 8)
                .flatMap(i -> (i % 2 == 0 ? queue : otherNode).claim("c-1").subscribeOn(Schedulers.parallel()))
                .collectList().block(TIMEOUT);

        assertThat(outcomes).hasSize(8).containsOnlyOnce(true);
        StepVerifier.create(queue.waiting()).verifyComplete();
    }

    @Test
    void aConversationClaimedAndQueuedAgainGoesToTheBack() {
        queue.enqueue("c-1").block(TIMEOUT);
        queue.enqueue("c-2").block(TIMEOUT);
        queue.claim("c-1").block(TIMEOUT);
        otherNode.enqueue("c-1").block(TIMEOUT);

        StepVerifier.create(queue.waiting()).expectNext("c-2", "c-1").verifyComplete();
    }
}
