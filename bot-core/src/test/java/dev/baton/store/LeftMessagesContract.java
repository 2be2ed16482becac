package dev.baton.store;

import dev.baton.handoff.FollowUp;
import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.LeftMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static dev.baton.store.Fixtures.T0;
import static dev.baton.store.Fixtures.leftMessage;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link LeftMessages} does, specified once. */
public abstract class LeftMessagesContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How long the stores under test keep a left message. */
    protected static final Duration RETENTION = Duration.ofDays(30);

    /** The stores' clock, an hour after the fixtures' {@code T0}. */
    protected final SettableClock clock = new SettableClock(T0.plus(Duration.ofHours(1)));
    protected LeftMessages messages;
    protected LeftMessages otherNode;

    protected abstract LeftMessages newLeftMessages();

    /** Another node's view of {@link #messages}; the same object on a single node. */
    protected abstract LeftMessages sameMessagesOnAnotherNode();

    @BeforeEach
    void createLeftMessages() {
        messages = newLeftMessages();
        otherNode = sameMessagesOnAnotherNode();
    }

    @Test
    void nothingIsLeftAtFirst() {
        StepVerifier.create(messages.all()).verifyComplete();
    }

    @Test
    void keepsEveryLeftMessageOldestFirst() {
        LeftMessage first = leftMessage("Please call me back about my refund", Optional.of("+39 333 1234567"), T0);
        LeftMessage second = leftMessage("Nobody answered", Optional.empty(), T0.plusSeconds(60));
        LeftMessage third = leftMessage("Ancora niente", Optional.of("m@example.com"), T0.plusSeconds(120));

        StepVerifier.create(messages.save(first)).expectNext(first).verifyComplete();
        otherNode.save(second).block(TIMEOUT);
        messages.save(third).block(TIMEOUT);

        StepVerifier.create(otherNode.all()).expectNext(first, second, third).verifyComplete();
    }

    @Test
    void forgetsLeftMessagesOnceTheyAreOlderThanTheRetention() {
        LeftMessage old = leftMessage("Please call me back", Optional.empty(), clock.instant());
        LeftMessage younger = leftMessage("Still waiting", Optional.empty(), clock.instant().plus(Duration.ofDays(1)));
        messages.save(old).block(TIMEOUT);
        otherNode.save(younger).block(TIMEOUT);

        clock.advance(RETENTION.plusSeconds(1));
        StepVerifier.create(otherNode.all()).expectNext(younger).verifyComplete();

        LeftMessage fresh = leftMessage("Hello again", Optional.empty(), clock.instant());
        messages.save(fresh).block(TIMEOUT);
        StepVerifier.create(otherNode.all()).expectNext(younger, fresh).verifyComplete();
    }

    @Test
    void forgetsEveryMessageOfAVisitorAndOnlyTheirs() {
        LeftMessage theirs = new LeftMessage("m-1", "c-1", "v-erased-1", "Call me", Optional.of("ann@example.com"), "en", T0);
        LeftMessage alsoTheirs = new LeftMessage("m-2", "c-2", "v-erased-1", "Again", Optional.empty(), "en", T0.plusSeconds(1));
        LeftMessage someoneElses = leftMessage("Nobody answered", Optional.empty(), T0.plusSeconds(2));
        messages.save(theirs).block(TIMEOUT);
        messages.save(someoneElses).block(TIMEOUT);
        messages.save(alsoTheirs).block(TIMEOUT);

        StepVerifier.create(otherNode.forgetVisitor("v-erased-1")).expectNext(2).verifyComplete();

        StepVerifier.create(messages.all()).expectNext(someoneElses).verifyComplete();
        StepVerifier.create(messages.forgetVisitor("v-erased-1")).expectNext(0).verifyComplete();
    }

    @Test
    void anUpdateChangesTheMessageForEveryNodeAndKeepsItsPlace() {
        LeftMessage first = leftMessage("Please call me back", Optional.of("+39 333 1234567"), T0);
        LeftMessage second = leftMessage("Where is my refund?", Optional.of("m@example.com"), T0.plusSeconds(60));
        messages.save(first).block(TIMEOUT);
        messages.save(second).block(TIMEOUT);
        FollowUp taken = FollowUp.claimedBy("alice", clock.instant());

        StepVerifier.create(otherNode.update(first.id(), m -> m.withFollowUp(taken)))
                .expectNext(first.withFollowUp(taken)).verifyComplete();

        StepVerifier.create(messages.all()).expectNext(first.withFollowUp(taken), second).verifyComplete();
    }

    @Test
    void aDoneMessageIsReadBackWithWhoDidItWhenAndHow() {
        LeftMessage left = leftMessage("Call me", Optional.of("+39 333 1234567"), T0);
        messages.save(left).block(TIMEOUT);
        FollowUp handled = FollowUp.handledBy("bruno", clock.instant(), "called back, refund confirmed");

        otherNode.update(left.id(), m -> m.withFollowUp(handled).withoutContact()).block(TIMEOUT);

        StepVerifier.create(messages.all())
                .expectNext(new LeftMessage(left.id(), left.conversationId(), left.visitorId(), left.text(), Optional.empty(),
                        left.language(), left.at(), handled))
                .verifyComplete();
    }

    @Test
    void anUpdateOfAnUnknownOrExpiredMessageIsEmpty() {
        LeftMessage old = leftMessage("Please call me back", Optional.empty(), clock.instant());
        messages.save(old).block(TIMEOUT);
        StepVerifier.create(messages.update("m-nobody", m -> m.withFollowUp(FollowUp.claimedBy("alice", T0)))).verifyComplete();

        clock.advance(RETENTION.plusSeconds(1));
        StepVerifier.create(messages.update(old.id(), m -> m.withFollowUp(FollowUp.claimedBy("alice", T0)))).verifyComplete();
    }

    @Test
    void aChangeThatRefusesChangesNothing() {
        LeftMessage left = leftMessage("Please call me back", Optional.empty(), T0);
        messages.save(left).block(TIMEOUT);

        StepVerifier.create(messages.update(left.id(), m -> {
            throw new IllegalStateException("not yours");
        })).verifyErrorMessage("not yours");

        StepVerifier.create(otherNode.all()).expectNext(left).verifyComplete();
    }

    @Test
    void ofTwoNodesTakingTheSameMessageAtOnceExactlyOneGetsIt() {
        for (int round = 0; round < 20; round++) {
            LeftMessage left = leftMessage("Please call me back " + round, Optional.empty(), T0);
            messages.save(left).block(TIMEOUT);
            UnaryOperator<LeftMessage> alice = takenBy("alice");
            UnaryOperator<LeftMessage> bruno = takenBy("bruno");

            List<String> outcomes = Flux.merge(
                            messages.update(left.id(), alice).map(m -> "alice").onErrorReturn("refused"),
                            otherNode.update(left.id(), bruno).map(m -> "bruno").onErrorReturn("refused"))
                    .collectList().block(TIMEOUT);

            assertThat(outcomes).containsOnlyOnce("refused").hasSize(2);
            String winner = outcomes.stream().filter(o -> !o.equals("refused")).findFirst().orElseThrow();
            assertThat(otherNode.all().filter(m -> m.id().equals(left.id())).blockFirst(TIMEOUT).followUp().agent())
                    .contains(winner);
        }
    }

    private UnaryOperator<LeftMessage> takenBy(String agent) {
        return m -> {
            if (m.followUp().status() != FollowUp.Status.OPEN) {
                throw new IllegalStateException("taken already");
            }
            return m.withFollowUp(FollowUp.claimedBy(agent, clock.instant()));
        };
    }
}
