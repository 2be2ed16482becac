package dev.baton.store;

import dev.baton.satisfaction.AgentSatisfaction;
import dev.baton.satisfaction.SatisfactionRating;
import dev.baton.satisfaction.SatisfactionRatings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.baton.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SatisfactionRatings} does, specified once. */
public abstract class SatisfactionRatingsContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How long the stores under test keep a conversation's rating. */
    protected static final Duration RETENTION = Duration.ofDays(30);

    protected final SettableClock clock = new SettableClock(T0);
    protected SatisfactionRatings ratings;
    protected SatisfactionRatings otherNode;

    protected abstract SatisfactionRatings newRatings();

    /** Another node's view of {@link #ratings}; the same object on a single node. */
    protected abstract SatisfactionRatings sameRatingsOnAnotherNode();

    @BeforeEach
    void createRatings() {
        ratings = newRatings();
        otherNode = sameRatingsOnAnotherNode();
    }

    @Test
    void keepsAConversationsRatingWithItsCommentForEveryNodeToRead() {
        SatisfactionRating rating = new SatisfactionRating("c-1", "alice", 4, Optional.of("Quick and kind"), T0);

        StepVerifier.create(ratings.rate(rating)).expectNext(true).verifyComplete();

        StepVerifier.create(otherNode.of("c-1")).expectNext(rating).verifyComplete();
    }

    @Test
    void knowsNoRatingOfAConversationNobodyRated() {
        StepVerifier.create(ratings.of("c-unrated")).verifyComplete();
    }

    @Test
    void keepsTheFirstRatingOfAConversationWhicheverNodeIsAskedAgain() {
        SatisfactionRating first = new SatisfactionRating("c-1", "alice", 2, Optional.empty(), T0);
        ratings.rate(first).block(TIMEOUT);

        StepVerifier.create(otherNode.rate(new SatisfactionRating("c-1", "alice", 5, Optional.of("changed my mind"), T0)))
                .expectNext(false).verifyComplete();
        assertThat(ratings.of("c-1").block(TIMEOUT)).isEqualTo(first);
        assertThat(ratings.perAgent().collectList().block(TIMEOUT))
                .containsExactly(new AgentSatisfaction("alice", List.of(0L, 1L, 0L, 0L, 0L)));
    }

    @Test
    void countsEachAgentsRatingsPerScore() {
        ratings.rate(new SatisfactionRating("c-1", "alice", 5, Optional.empty(), T0)).block(TIMEOUT);
        otherNode.rate(new SatisfactionRating("c-2", "alice", 5, Optional.of("great"), T0)).block(TIMEOUT);
        ratings.rate(new SatisfactionRating("c-3", "alice", 1, Optional.empty(), T0)).block(TIMEOUT);
        otherNode.rate(new SatisfactionRating("c-4", "bob", 3, Optional.empty(), T0)).block(TIMEOUT);

        assertThat(otherNode.perAgent().collectList().block(TIMEOUT)).containsExactlyInAnyOrder(
                new AgentSatisfaction("alice", List.of(1L, 0L, 0L, 0L, 2L)),
                new AgentSatisfaction("bob", List.of(0L, 0L, 1L, 0L, 0L)));
    }

    @Test
    void countsOneOfManyRatingsOfOneConversationSentAtOnceFromTwoNodes() {
        AtomicInteger kept = new AtomicInteger();
        Flux.range(1, 20)
                .flatMap(i -> (i % 2 == 0 ? ratings : otherNode)
                        .rate(new SatisfactionRating("c-race", "alice", 1 + i % 5, Optional.empty(), T0))
                        .subscribeOn(Schedulers.parallel()))
                .filter(Boolean::booleanValue)
                .doOnNext(k -> kept.incrementAndGet())
                .blockLast(TIMEOUT);

        assertThat(kept).hasValue(1);
        assertThat(ratings.perAgent().collectList().block(TIMEOUT)).singleElement()
                .satisfies(alice -> assertThat(alice.ratings()).isEqualTo(1));
    }

    @Test
    void knowsNoAgentBeforeTheFirstRating() {
        StepVerifier.create(ratings.perAgent()).verifyComplete();
    }

    @Test
    void forgetsAConversationsRatingAndCommentButKeepsTheAgentsCounts() {
        ratings.rate(new SatisfactionRating("c-erased", "alice", 2, Optional.of("Ann Smith, ann@example.com"), T0)).block(TIMEOUT);
        SatisfactionRating kept = new SatisfactionRating("c-kept", "alice", 5, Optional.empty(), T0);
        ratings.rate(kept).block(TIMEOUT);

        StepVerifier.create(otherNode.forget("c-erased")).expectNext(true).verifyComplete();

        StepVerifier.create(ratings.of("c-erased")).verifyComplete();
        StepVerifier.create(ratings.of("c-kept")).expectNext(kept).verifyComplete();
        assertThat(ratings.perAgent().collectList().block(TIMEOUT))
                .containsExactly(new AgentSatisfaction("alice", List.of(0L, 1L, 0L, 0L, 1L)));
        StepVerifier.create(ratings.forget("c-erased")).expectNext(false).verifyComplete();
    }
}
