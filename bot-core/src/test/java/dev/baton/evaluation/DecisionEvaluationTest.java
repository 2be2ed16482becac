package dev.baton.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.baton.dialogue.PolicySettings;
import dev.baton.engine.BotKnowledge;
import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.Classification;
import dev.baton.nlu.IntentScore;
import dev.baton.evaluation.DecisionEvaluation.Outcome;
import dev.baton.nlu.evaluation.LabelledExample;
import org.junit.jupiter.api.Test;

class DecisionEvaluationTest {

    private static final IntentDatabase SHOP = new IntentDatabase(List.of(
            intent("order_status", false, "where is my order"),
            intent("refunds", false, "where is my refund"),
            intent("payment_dispute", true, "I was charged twice"),
            intent("talk_to_human", true, "I want a person")), "test");

    /** What the model would say, message by message: the test is about judging decisions, not about the model. */
    private static final Map<String, Classification> MODEL = Map.of(
            "where is my parcel", ranked("order_status", 0.9, "refunds", 0.05),
            "what's the weather in rome", ranked("order_status", 0.6, "refunds", 0.3),
            "money", ranked("refunds", 0.40, "order_status", 0.38),
            "you charged me twice", ranked("payment_dispute", 0.8, "refunds", 0.1),
            "WHERE IS MY PARCEL, ORDERED A MONTH AGO", ranked("order_status", 0.9, "refunds", 0.05),
            "my teapot cracked", ranked("refunds", 0.15, "order_status", 0.05));

    private final DecisionEvaluation evaluation = new DecisionEvaluation(
            new BotKnowledge(SHOP, (text, language) -> MODEL.get(text), 0.5), PolicySettings.DEFAULTS, "en");

    @Test
    void judgesEachDecisionAgainstWhatACarefulAgentWouldDo() {
        List<DecisionEvaluation.Judged> judged = evaluation.judge(List.of(
                expected("where is my parcel", "order_status"),
                expected("what's the weather in rome", "oos"),
                expected("money", "unclear"),
                expected("you charged me twice", "payment_dispute"),
                expected("WHERE IS MY PARCEL, ORDERED A MONTH AGO", "order_status", "handoff"),
                expected("my teapot cracked", "oos")));

        assertThat(judged).extracting(DecisionEvaluation.Judged::outcome).containsExactly(
                Outcome.ANSWERED_RIGHT, Outcome.ANSWERED_WRONG, Outcome.CLARIFIED, Outcome.HANDED_OFF,
                Outcome.HANDED_OFF, Outcome.NOT_UNDERSTOOD);
        assertThat(judged).extracting(DecisionEvaluation.Judged::right)
                .containsExactly(true, false, true, true, true, true);
        assertThat(judged.get(3).intent()).contains("payment_dispute");
    }

    @Test
    void countsClarifyingAClearQuestionAsNeitherRightNorConfidentlyWrong() {
        DecisionEvaluation.Judged judged = evaluation.judge(expected("money", "refunds"));

        assertThat(judged.outcome()).isEqualTo(Outcome.CLARIFIED);
        assertThat(judged.right()).isFalse();
        assertThat(evaluation.judge(expected("money", "refunds", "clarify")).right()).isTrue();
    }

    @Test
    void sharesAddUpToTheWholeAndConfidentlyWrongIsAnsweringWrong() {
        DecisionEvaluation.Shares shares = DecisionEvaluation.Shares.of(evaluation.judge(List.of(
                expected("where is my parcel", "order_status"),
                expected("what's the weather in rome", "oos"),
                expected("money", "unclear"),
                expected("my teapot cracked", "refunds"))));

        assertThat(shares.messages()).isEqualTo(4);
        assertThat(shares.right()).isEqualTo(0.5);
        assertThat(shares.confidentlyWrong()).isEqualTo(0.25).isEqualTo(shares.answeredWrong());
        assertThat(shares.answeredRight() + shares.answeredWrong() + shares.clarified() + shares.handedOff()
                + shares.notUnderstood()).isEqualTo(1.0);
    }

    private static ExpectedDecision expected(String text, String label, String... alsoRight) {
        return new ExpectedDecision(new LabelledExample(text, label, "en"), List.of(alsoRight), "test");
    }

    private static Classification ranked(String first, double firstScore, String second, double secondScore) {
        return new Classification(List.of(new IntentScore(first, firstScore), new IntentScore(second, secondScore)));
    }

    private static Intent intent(String id, boolean handoff, String example) {
        return new Intent(id, Map.of(), Map.of("en", List.of(example)), Map.of("en", List.of("answer " + id)), List.of(),
                handoff);
    }
}
