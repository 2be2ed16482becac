package dev.baton.store;

import dev.baton.feedback.AnswerRating;
import dev.baton.feedback.AnswerRatings;
import dev.baton.feedback.IntentHelpfulness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;

import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AnswerRatings} does, specified once. */
public abstract class AnswerRatingsContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How long the stores under test remember which answers were rated. */
    protected static final Duration RETENTION = Duration.ofDays(30);

    protected final SettableClock clock = new SettableClock(T0);
    protected AnswerRatings ratings;
    protected AnswerRatings otherNode;

    protected abstract AnswerRatings newRatings();

    /** Another node's view of {@link #ratings}; the same object on a single node. */
    protected abstract AnswerRatings sameRatingsOnAnotherNode();

    @BeforeEach
    void createRatings() {
        ratings = newRatings();
        otherNode = sameRatingsOnAnotherNode();
    }

    @Test
    void countsEachIntentsHelpfulAndUnhelpfulRatings() {
        StepVerifier.create(ratings.rate(new AnswerRating("c-1", 2, "returns", true, T0))).expectNext(true).verifyComplete();
        otherNode.rate(new AnswerRating("c-1", 4, "returns", false, T0)).block(TIMEOUT);
        ratings.rate(new AnswerRating("c-2", 2, "returns", true, T0)).block(TIMEOUT);
        otherNode.rate(new AnswerRating("c-2", 6, "opening_hours", true, T0)).block(TIMEOUT);

        assertThat(otherNode.perIntent().collectList().block(TIMEOUT)).containsExactlyInAnyOrder(
                new IntentHelpfulness("returns", 2, 1), new IntentHelpfulness("opening_hours", 1, 0));
    }

    @Test
    void ratesEachAnswerOnceWhicheverNodeIsAsked() {
        ratings.rate(new AnswerRating("c-1", 2, "returns", true, T0)).block(TIMEOUT);

        StepVerifier.create(otherNode.rate(new AnswerRating("c-1", 2, "returns", false, T0))).expectNext(false).verifyComplete();
        StepVerifier.create(ratings.rate(new AnswerRating("c-1", 2, "returns", true, T0))).expectNext(false).verifyComplete();
        assertThat(ratings.perIntent().collectList().block(TIMEOUT)).containsExactly(new IntentHelpfulness("returns", 1, 0));
    }

    @Test
    void knowsNoIntentBeforeTheFirstRating() {
        StepVerifier.create(ratings.perIntent()).verifyComplete();
    }

    @Test
    void forgetsWhichAnswersOfAConversationWereRatedButKeepsTheCounts() {
        ratings.rate(new AnswerRating("c-erased", 2, "returns", true, T0)).block(TIMEOUT);
        ratings.rate(new AnswerRating("c-kept", 2, "returns", false, T0)).block(TIMEOUT);

        otherNode.forget("c-erased").block(TIMEOUT);

        assertThat(ratings.perIntent().collectList().block(TIMEOUT)).containsExactly(new IntentHelpfulness("returns", 1, 1));
        StepVerifier.create(ratings.rate(new AnswerRating("c-erased", 2, "returns", true, T0))).as("nothing remembers the vote")
                .expectNext(true).verifyComplete();
        StepVerifier.create(ratings.rate(new AnswerRating("c-kept", 2, "returns", true, T0))).expectNext(false).verifyComplete();
    }
}
