package dev.baton.dialogue;

import dev.baton.conversation.BotDecision;
import dev.baton.conversation.HandoffReason;
import dev.baton.conversation.Mood;
import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.Classification;
import dev.baton.nlu.IntentScore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DecisionPolicyTest {

    private final IntentDatabase intents = new IntentDatabase(List.of(
            intent("returns", false), intent("refunds", false), intent("order_status", false),
            intent("payment_dispute", true), intent("talk_to_human", true)), "test");
    private final DecisionPolicy policy = new DecisionPolicy(intents, PolicySettings.DEFAULTS);
    /** With a floor as low as the shipped database's calibrated one, where uncertain answers are possible. */
    private final DecisionPolicy calibrated = new DecisionPolicy(intents, PolicySettings.DEFAULTS.withConfidenceFloor(0.2));

    @Test
    void answersFromFaqWhenConfidentAndClear() {
        Decision decision = policy.decide(turn(ranked("returns", 0.8, "refunds", 0.1)));

        assertThat(decision).isInstanceOf(Decision.Answer.class);
        assertThat(((Decision.Answer) decision).score().intent()).isEqualTo("returns");
        assertThat(decision.why()).contains("returns", "0.80");
    }

    @Test
    void asksWhichWasMeantWhenTopTwoIntentsAreTooClose() {
        Decision decision = policy.decide(turn(ranked("returns", 0.46, "refunds", 0.42, "order_status", 0.05)));

        assertThat(decision).isInstanceOf(Decision.Clarify.class);
        assertThat(((Decision.Clarify) decision).options()).extracting(IntentScore::intent)
                .containsExactly("returns", "refunds");
    }

    @Test
    void admitsNotUnderstandingTheFirstTimeNothingFits() {
        Decision decision = policy.decide(turn(ranked("returns", 0.15, "refunds", 0.12)));

        assertThat(decision).isInstanceOf(Decision.NotUnderstood.class);
        assertThat(decision.why()).contains("no intent is confident enough");
    }

    @Test
    void handsOffWhenTheBotFailsTwiceInARow() {
        Turn secondFailure = new Turn(ranked("returns", 0.15, "refunds", 0.12), Optional.empty(), false, MoodReading.NEUTRAL, 1);

        Decision decision = policy.decide(secondFailure);

        assertThat(decision).isEqualTo(new Decision.HandOff(HandoffReason.REPEATED_FAILURE, decision.why()));
        assertThat(decision.why()).contains("2 messages in a row");
    }

    @Test
    void handsOffWhenItWouldAskBackAfterAFailure() {
        Turn secondMiss = new Turn(ranked("returns", 0.46, "refunds", 0.42), Optional.empty(), false, MoodReading.NEUTRAL, 1);

        Decision decision = policy.decide(secondMiss);

        assertThat(decision).isInstanceOf(Decision.HandOff.class);
        assertThat(((Decision.HandOff) decision).reason()).isEqualTo(HandoffReason.REPEATED_FAILURE);
        assertThat(decision.why()).startsWith("the best intents are too close");
    }

    @Test
    void handsOffAtOnceWhenTheVisitorAsksForAPerson() {
        Turn asked = new Turn(ranked("returns", 0.9, "refunds", 0.05), Optional.empty(), true, MoodReading.NEUTRAL, 0);

        assertThat(policy.decide(asked)).isEqualTo(new Decision.HandOff(HandoffReason.VISITOR_ASKED, "the visitor asked for a person"));
    }

    @Test
    void handsOffWhenTheHumanRequestIntentIsRecognised() {
        Decision decision = policy.decide(turn(ranked("talk_to_human", 0.9, "returns", 0.05)));

        assertThat(decision).isInstanceOf(Decision.HandOff.class);
        assertThat(((Decision.HandOff) decision).reason()).isEqualTo(HandoffReason.VISITOR_ASKED);
    }

    @Test
    void handsOffAnIntentFlaggedForPeopleEvenWhenConfident() {
        Decision decision = policy.decide(turn(ranked("payment_dispute", 0.95, "refunds", 0.02)));

        assertThat(decision).isInstanceOf(Decision.HandOff.class);
        Decision.HandOff handOff = (Decision.HandOff) decision;
        assertThat(handOff.reason()).isEqualTo(HandoffReason.INTENT_REQUIRES_HUMAN);
        assertThat(handOff.intent()).contains("payment_dispute");
    }

    @Test
    void handsOffAFrustratedVisitorRatherThanAnsweringAgain() {
        MoodReading angry = new MoodReading(Mood.ANGRY, List.of("insult"));
        Turn turn = new Turn(ranked("returns", 0.9, "refunds", 0.05), Optional.empty(), false, angry, 0);

        Decision decision = policy.decide(turn);

        assertThat(decision).isInstanceOf(Decision.HandOff.class);
        assertThat(((Decision.HandOff) decision).reason()).isEqualTo(HandoffReason.FRUSTRATION);
        assertThat(decision.why()).contains("angry", "insult");
    }

    @Test
    void answersTheIntentAQuickReplyChoseWithoutClassifying() {
        Turn chosen = new Turn(new Classification(List.of()), Optional.of("refunds"), false, MoodReading.NEUTRAL, 1);

        Decision decision = policy.decide(chosen);

        assertThat(decision).isInstanceOf(Decision.Answer.class);
        assertThat(((Decision.Answer) decision).score()).isEqualTo(new IntentScore("refunds", 1.0));
    }

    @Test
    void doesNotAnswerAMessageTheOutOfScopeClassWins() {
        Decision decision = policy.decide(turn(ranked("oos", 0.7, "order_status", 0.2)));

        assertThat(decision).isInstanceOf(Decision.NotUnderstood.class);
        assertThat(decision.why()).contains("does not cover", "oos 0.70");
    }

    @Test
    void asksWhichTopicABareWordMeansAmongTheIntentsItCouldBe() {
        Turn bareWord = new Turn(ranked("refunds", 0.6, "oos", 0.2, "returns", 0.1, "order_status", 0.05),
                Optional.empty(), false, MoodReading.NEUTRAL, 0, true, Optional.empty());

        Decision decision = policy.decide(bareWord);

        assertThat(decision).isInstanceOf(Decision.Clarify.class);
        assertThat(((Decision.Clarify) decision).options()).extracting(IntentScore::intent)
                .containsExactly("refunds", "returns", "order_status");
        assertThat(decision.why()).contains("names no one topic");
    }

    @Test
    void answersAFewSharedWordsWhenTheModelIsSureOfOneIntent() {
        Turn sure = new Turn(ranked("delivery_times", 0.75, "opening_hours", 0.05, "order_status", 0.05),
                Optional.empty(), false, MoodReading.NEUTRAL, 0, true, Optional.empty());

        Decision decision = policy.decide(sure);

        assertThat(decision).isInstanceOf(Decision.Answer.class);
        assertThat(((Decision.Answer) decision).score().intent()).isEqualTo("delivery_times");
    }

    @Test
    void neverOffersTheOutOfScopeClassAsAChoice() {
        Decision decision = policy.decide(turn(ranked("returns", 0.40, "oos", 0.38, "refunds", 0.37)));

        assertThat(decision).isInstanceOf(Decision.Clarify.class);
        assertThat(((Decision.Clarify) decision).options()).extracting(IntentScore::intent)
                .containsExactly("returns", "refunds");
    }

    @Test
    void asksWhenAnUncertainAnswerAndTheMostSimilarExampleDisagree() {
        Turn uncertain = new Turn(ranked("returns", 0.30, "refunds", 0.12, "order_status", 0.05), Optional.empty(), false,
                MoodReading.NEUTRAL, 0, false, Optional.of("refunds"));

        Decision decision = calibrated.decide(uncertain);

        assertThat(decision).isInstanceOf(Decision.Clarify.class);
        assertThat(((Decision.Clarify) decision).options()).extracting(IntentScore::intent)
                .containsExactly("returns", "refunds");
        assertThat(decision.why()).contains("most similar example is of refunds");
    }

    @Test
    void answersAnUncertainMessageWhenTheMostSimilarExampleAgreesAndASureOneWhateverItSays() {
        Turn agreed = new Turn(ranked("returns", 0.30, "refunds", 0.12), Optional.empty(), false,
                MoodReading.NEUTRAL, 0, false, Optional.of("returns"));
        Turn sure = new Turn(ranked("returns", 0.80, "refunds", 0.12), Optional.empty(), false,
                MoodReading.NEUTRAL, 0, false, Optional.of("refunds"));

        assertThat(calibrated.decide(agreed)).isInstanceOf(Decision.Answer.class);
        assertThat(calibrated.decide(sure)).isInstanceOf(Decision.Answer.class);
    }

    @Test
    void thresholdsComeFromConfiguration() {
        DecisionPolicy strict = new DecisionPolicy(intents, new PolicySettings(0.9, 0.1, 0.2, 3, 3, "talk_to_human"));

        assertThat(strict.decide(turn(ranked("returns", 0.8, "refunds", 0.1)))).isInstanceOf(Decision.NotUnderstood.class);
    }

    @Test
    void anAnswerIsRecordedWithItsIntentConfidenceLeadAndReason() {
        Classification classification = ranked("returns", 0.8, "refunds", 0.1);

        BotDecision recorded = policy.decide(turn(classification)).recorded(classification);

        assertThat(recorded.kind()).isEqualTo(BotDecision.Kind.ANSWER);
        assertThat(recorded.intent()).contains("returns");
        assertThat(recorded.confidence().getAsDouble()).isEqualTo(0.8);
        assertThat(recorded.margin().getAsDouble()).isCloseTo(0.7, within(1e-9));
        assertThat(recorded.reason()).isEqualTo("returns is confident (0.80 ≥ 0.50) and clear (lead 0.70 ≥ 0.05)");
    }

    @Test
    void aDecisionNamingNoIntentIsRecordedWithTheClassifiersBestGuess() {
        Classification classification = ranked("returns", 0.15, "refunds", 0.1);

        BotDecision recorded = policy.decide(turn(classification)).recorded(classification);

        assertThat(recorded.kind()).isEqualTo(BotDecision.Kind.NOT_UNDERSTOOD);
        assertThat(recorded.intent()).contains("returns");
        assertThat(recorded.confidence().getAsDouble()).isEqualTo(0.15);
        assertThat(recorded.margin().getAsDouble()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void anIntentChosenWithAButtonIsRecordedWithoutALead() {
        Classification nothingClassified = new Classification(List.of());
        Turn chosen = new Turn(nothingClassified, Optional.of("refunds"), false, MoodReading.NEUTRAL, 0);

        BotDecision recorded = policy.decide(chosen).recorded(nothingClassified);

        assertThat(recorded).isEqualTo(new BotDecision(BotDecision.Kind.ANSWER, Optional.of("refunds"),
                OptionalDouble.of(1.0), OptionalDouble.empty(), "the visitor chose it"));
    }

    @Test
    void aHandoffForAFlaggedTopicIsRecordedWithThatTopic() {
        Classification classification = ranked("payment_dispute", 0.95, "refunds", 0.02);

        BotDecision recorded = policy.decide(turn(classification)).recorded(classification);

        assertThat(recorded.kind()).isEqualTo(BotDecision.Kind.HAND_OFF);
        assertThat(recorded.intent()).contains("payment_dispute");
        assertThat(recorded.reason()).startsWith("payment_dispute is always handled by a person");
    }

    private static Turn turn(Classification classification) {
        return new Turn(classification, Optional.empty(), false, MoodReading.NEUTRAL, 0);
    }

    private static Classification ranked(Object... intentsAndScores) {
        List<IntentScore> scores = new ArrayList<>();
        for (int i = 0; i < intentsAndScores.length; i += 2) {
            scores.add(new IntentScore((String) intentsAndScores[i], (Double) intentsAndScores[i + 1]));
        }
        return new Classification(scores);
    }

    private static Intent intent(String id, boolean handoff) {
        return new Intent(id, Map.of(), Map.of("en", List.of(id)), Map.of("en", List.of("answer " + id)), List.of(), handoff);
    }

    @Test
    void explainsConfidencesAndMarginsWithTwoDecimalsAsStringFormatWould() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            double value = i < 1_000 ? i / 1_000.0 : i < 2_000 ? (i - 1_000) / 200.0 : random.nextDouble() * 2;
            assertThat(DecisionPolicy.twoDecimals(value))
                    .as("%s", value)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", value));
        }
    }
}
