package dev.baton.store;

import dev.baton.analytics.ConversationOutcome;
import dev.baton.analytics.ConversationOutcomes;
import dev.baton.conversation.HandoffReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Optional;

import static dev.baton.store.Fixtures.T0;

/** What every {@link ConversationOutcomes} does, specified once. */
public abstract class ConversationOutcomesContract {

    /** How long the stores under test keep an outcome. */
    protected static final Duration RETENTION = Duration.ofDays(30);

    protected ConversationOutcomes outcomes;
    protected ConversationOutcomes otherNode;

    protected abstract ConversationOutcomes newOutcomes();

    /** Another node's view of {@link #outcomes}; the same object on a single node. */
    protected abstract ConversationOutcomes sameOutcomesOnAnotherNode();

    @BeforeEach
    void createOutcomes() {
        outcomes = newOutcomes();
        otherNode = sameOutcomesOnAnotherNode();
    }

    private static ConversationOutcome resolved(String id, Duration after) {
        return ConversationOutcome.finished(id, T0.plus(after), HandoffReason.FRUSTRATION, Optional.of("alice"),
                Optional.of(Duration.ofSeconds(42)), Optional.of(Duration.ofMillis(61_500)), Optional.of(Duration.ofMinutes(9)))
                .ofTeam(Optional.of("billing"));
    }

    @Test
    void givesEveryNodeTheOutcomesOfAPeriodOldestFirstWithEveryField() {
        ConversationOutcome engaged = ConversationOutcome.engaged("c-1", T0);
        ConversationOutcome handedBack = ConversationOutcome.finished("c-2", T0.plusSeconds(60), HandoffReason.VISITOR_ASKED,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        ConversationOutcome resolved = resolved("c-1", Duration.ofMinutes(10));
        outcomes.record(resolved).block();
        outcomes.record(engaged).block();
        outcomes.record(handedBack).block();

        StepVerifier.create(otherNode.between(T0, T0.plus(Duration.ofHours(1))))
                .expectNext(engaged, handedBack, resolved).verifyComplete();
    }

    @Test
    void aPeriodIncludesItsStartAndExcludesItsEnd() {
        outcomes.record(ConversationOutcome.engaged("c-1", T0)).block();
        outcomes.record(ConversationOutcome.engaged("c-2", T0.plusSeconds(60))).block();

        StepVerifier.create(otherNode.between(T0, T0.plusSeconds(60)).map(ConversationOutcome::conversationId))
                .expectNext("c-1").verifyComplete();
        StepVerifier.create(otherNode.between(T0.plusMillis(1), T0.plusSeconds(61)).map(ConversationOutcome::conversationId))
                .expectNext("c-2").verifyComplete();
        StepVerifier.create(otherNode.between(T0.plusSeconds(60), T0)).verifyComplete();
    }

    @Test
    void keepsTheSameOutcomeRecordedTwiceOnce() {
        outcomes.record(resolved("c-1", Duration.ZERO)).block();
        otherNode.record(resolved("c-1", Duration.ZERO)).block();

        StepVerifier.create(outcomes.between(T0, T0.plusSeconds(1))).expectNextCount(1).verifyComplete();
    }

    @Test
    void forgetsOutcomesOlderThanTheRetentionAsNewOnesCome() {
        outcomes.record(ConversationOutcome.engaged("c-old", T0)).block();
        outcomes.record(ConversationOutcome.engaged("c-new", T0.plus(RETENTION).plusSeconds(1))).block();

        StepVerifier.create(otherNode.between(T0.minusSeconds(1), T0.plus(RETENTION).plusSeconds(2))
                .map(ConversationOutcome::conversationId)).expectNext("c-new").verifyComplete();
    }
}
