package dev.baton.engine;

import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.IllegalTransitionException;
import dev.baton.conversation.Message;
import dev.baton.satisfaction.AgentSatisfaction;
import dev.baton.satisfaction.SatisfactionRating;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A visitor rates a conversation an agent resolved, once; the rating counts towards that agent. */
class SatisfactionSurveyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final AgentRef ADA = new AgentRef("ada", "Ada");

    private final InMemoryDesk world = new InMemoryDesk();

    @Test
    void aRatingWithACommentCountsTowardsTheAgentAndIsNotedInTheTranscriptInTheVisitorsLanguage() {
        Conversation resolved = resolvedBy(ADA, "c-1", "it");

        StepVerifier.create(world.survey.rate(resolved.id(), resolved.visitorId(), 4, Optional.of("  Gentilissima  ")))
                .assertNext(rating -> {
                    assertThat(rating.agentUsername()).isEqualTo("ada");
                    assertThat(rating.score()).isEqualTo(4);
                    assertThat(rating.comment()).contains("Gentilissima");
                })
                .verifyComplete();

        assertThat(lastMessage(resolved).text()).isEqualTo("Valutazione 4/5: Gentilissima");
        assertThat(world.ratings.perAgent().collectList().block(TIMEOUT))
                .containsExactly(new AgentSatisfaction("ada", List.of(0L, 0L, 0L, 1L, 0L)));
        assertThat(world.observed.steps).endsWith("conversation rated 4 in c-1");
    }

    @Test
    void aBlankCommentIsNoComment() {
        Conversation resolved = resolvedBy(ADA, "c-1", "en");

        world.survey.rate(resolved.id(), resolved.visitorId(), 5, Optional.of(" \u200B ")).block(TIMEOUT);

        assertThat(lastMessage(resolved).text()).isEqualTo("Rated 5/5");
    }

    @Test
    void theVisitorIsAskedOnceAnAgentResolvedTheConversationUntilTheyRatedIt() {
        Conversation resolved = resolvedBy(ADA, "c-1", "en");
        assertThat(world.survey.asks(resolved).block(TIMEOUT)).isTrue();

        world.survey.rate(resolved.id(), resolved.visitorId(), 3, Optional.empty()).block(TIMEOUT);

        assertThat(world.survey.asks(resolved).block(TIMEOUT)).isFalse();
    }

    @Test
    void aSecondRatingIsRefusedAndTheFirstStays() {
        Conversation resolved = resolvedBy(ADA, "c-1", "en");
        world.survey.rate(resolved.id(), resolved.visitorId(), 2, Optional.empty()).block(TIMEOUT);

        StepVerifier.create(world.survey.rate(resolved.id(), resolved.visitorId(), 5, Optional.empty()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(RatingRefusedException.class,
                        refused -> assertThat(refused.problem()).isEqualTo(RatingRefusedException.Problem.ALREADY_RATED)))
                .verify(TIMEOUT);
        assertThat(world.ratings.of(resolved.id()).map(SatisfactionRating::score).block(TIMEOUT)).isEqualTo(2);
    }

    @Test
    void aScoreOutsideOneToFiveIsRefusedBeforeAnythingIsRead() {
        Conversation resolved = resolvedBy(ADA, "c-1", "en");

        for (long score : new long[]{0, 6, -1}) {
            StepVerifier.create(world.survey.rate(resolved.id(), resolved.visitorId(), score, Optional.empty()))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(RatingRefusedException.class,
                            refused -> assertThat(refused.problem()).isEqualTo(RatingRefusedException.Problem.INVALID_SCORE)))
                    .verify(TIMEOUT);
        }
        assertThat(world.survey.asks(resolved).block(TIMEOUT)).isTrue();
    }

    @Test
    void aCommentOverAThousandCharactersIsRefused() {
        Conversation resolved = resolvedBy(ADA, "c-1", "en");

        StepVerifier.create(world.survey.rate(resolved.id(), resolved.visitorId(), 1, Optional.of("x".repeat(1001))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(InvalidTextException.class,
                        invalid -> assertThat(invalid.problem()).isEqualTo(InvalidTextException.Problem.COMMENT_TOO_LONG)))
                .verify(TIMEOUT);
    }

    @Test
    void aConversationStillWithItsAgentOrResolvedStraightFromTheQueueIsNotRated() {
        Conversation withAda = world.desk.accept(world.waiting("c-1", "en").id(), ADA).block(TIMEOUT);
        Conversation fromQueue = world.desk.resolve(world.waiting("c-2", "en").id(), ADA).block(TIMEOUT);

        for (Conversation c : List.of(withAda, fromQueue)) {
            StepVerifier.create(world.survey.rate(c.id(), c.visitorId(), 5, Optional.empty()))
                    .expectError(IllegalTransitionException.class)
                    .verify(TIMEOUT);
            assertThat(world.survey.asks(c).block(TIMEOUT)).isFalse();
        }
        StepVerifier.create(world.ratings.perAgent()).verifyComplete();
    }

    @Test
    void anotherVisitorCannotRateTheConversation() {
        Conversation resolved = resolvedBy(ADA, "c-1", "en");

        StepVerifier.create(world.survey.rate(resolved.id(), "v-someone-else", 1, Optional.empty()))
                .expectError(UnknownConversationException.class)
                .verify(TIMEOUT);
    }

    private Conversation resolvedBy(AgentRef agent, String id, String language) {
        world.desk.accept(world.waiting(id, language).id(), agent).block(TIMEOUT);
        return world.desk.resolve(id, agent).block(TIMEOUT);
    }

    private Message lastMessage(Conversation conversation) {
        return world.desk.transcript(conversation.id()).last().block(TIMEOUT);
    }
}
