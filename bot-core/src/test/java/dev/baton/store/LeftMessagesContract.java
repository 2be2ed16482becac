package dev.baton.store;

import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.LeftMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Optional;

import static dev.baton.store.Fixtures.T0;
import static dev.baton.store.Fixtures.leftMessage;

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
}
