package dev.baton.training;

import dev.baton.conversation.BotDecision;
import dev.baton.dialogue.PolicySettings;
import dev.baton.engine.BotKnowledge;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Trying a draft before publishing it: chatting with its bot, and measuring it against the published database. */
class DraftBotTest {

    private static final IntentDatabase PUBLISHED = IntentDatabaseLoader.parse(List.of(
            new IntentSource("returns.yaml", TrainerWorkspaceTest.RETURNS), new IntentSource("hours.yaml", TrainerWorkspaceTest.HOURS)));
    private static final IntentDatabase DRAFT = IntentDatabaseLoader.parse(List.of(
            new IntentSource("returns.yaml", TrainerWorkspaceTest.RETURNS), new IntentSource("hours.yaml", TrainerWorkspaceTest.HOURS),
            new IntentSource("tea.yaml", """
                    intents:
                      - id: teapot_care
                        examples:
                          en: [is the teapot dishwasher safe, how do I clean the teapot, teapot cleaning, wash my teapot]
                        answers:
                          en: ["Rinse it by hand; never in the dishwasher."]
                    """)));

    private static BotKnowledge learn(IntentDatabase database) {
        return BotKnowledge.learn(database, "en", Optional.of(0.3));
    }

    @Test
    void theSandboxAnswersAsTheDraftsBotWouldWithItsReason() {
        Sandbox sandbox = new Sandbox(learn(DRAFT), PolicySettings.DEFAULTS.withConfidenceFloor(0.3), "en");

        Sandbox.Reply reply = sandbox.reply("can I wash the teapot in the dishwasher", Optional.of("en"));

        assertThat(reply.decision().kind()).isEqualTo(BotDecision.Kind.ANSWER);
        assertThat(reply.decision().intent()).contains("teapot_care");
        assertThat(reply.decision().confidence().getAsDouble()).isGreaterThanOrEqualTo(0.3);
        assertThat(reply.decision().reason()).contains("teapot_care");
        assertThat(reply.answer()).contains("Rinse it by hand; never in the dishwasher.");
        assertThat(reply.language()).isEqualTo("en");
    }

    @Test
    void aPersonAskedForIsHandedOffWithoutAnAnswer() {
        Sandbox sandbox = new Sandbox(learn(PUBLISHED), PolicySettings.DEFAULTS.withConfidenceFloor(0.3), "en");

        Sandbox.Reply reply = sandbox.reply("I want to talk to a human", Optional.empty());

        assertThat(reply.decision().kind()).isEqualTo(BotDecision.Kind.HAND_OFF);
        assertThat(reply.answer()).isEmpty();
    }

    @Test
    void theEvaluationComparesEachLanguageAndListsThePredictionsTheDraftChanges() {
        BotKnowledge published = learn(PUBLISHED);
        BotKnowledge draft = learn(DRAFT);

        DraftEvaluation evaluation = DraftEvaluation.compare(published, DraftEvaluation.crossValidate(PUBLISHED, "en"),
                draft, DraftEvaluation.crossValidate(DRAFT, "en"));

        assertThat(evaluation.published()).containsOnlyKeys("en");
        assertThat(evaluation.published().get("en").examples()).isEqualTo(9);
        assertThat(evaluation.draft().get("en").examples()).isEqualTo(13);
        assertThat(evaluation.draft().get("en").top1()).isBetween(0.0, 1.0);
        assertThat(evaluation.draft().get("en").answeredRate()).isBetween(0.0, 1.0);
        assertThat(evaluation.changed()).extracting(DraftEvaluation.ChangedPrediction::intent).contains("teapot_care");
        assertThat(evaluation.changed()).filteredOn(c -> c.intent().equals("teapot_care"))
                .allSatisfy(c -> assertThat(c.before()).isNotEqualTo("teapot_care"));
        assertThat(evaluation.moreChanged()).isZero();
    }

    @Test
    void aDraftThatChangesNothingChangesNoPrediction() {
        BotKnowledge published = learn(PUBLISHED);
        var predictions = DraftEvaluation.crossValidate(PUBLISHED, "en");

        DraftEvaluation evaluation = DraftEvaluation.compare(published, predictions, published, predictions);

        assertThat(evaluation.changed()).isEmpty();
        assertThat(evaluation.draft()).isEqualTo(evaluation.published());
    }
}
