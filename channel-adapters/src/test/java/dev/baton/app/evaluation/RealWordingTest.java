package dev.baton.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.baton.dialogue.PolicySettings;
import dev.baton.engine.BotKnowledge;
import dev.baton.evaluation.DecisionEvaluation;
import dev.baton.evaluation.ExpectedDecision;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped bot on customer messages written apart from its examples (evaluation/real-wording.jsonl, see
 * docs/classifier.md), decided as a running node decides: a regression guard for the figures docs/classifier.md
 * reports, per language and overall.
 */
class RealWordingTest {

    private static Map<String, DecisionEvaluation.Shares> byLanguage;
    private static DecisionEvaluation.Shares overall;

    @BeforeAll
    static void judgeTheShippedBotOnTheRealWordingSet() throws IOException {
        IntentDatabase intents = IntentDatabaseLoader.load(Path.of("../intents"));
        List<ExpectedDecision> messages = ExampleFiles.readDecisions(Path.of("../evaluation/real-wording.jsonl"), "en", intents);
        DecisionEvaluation evaluation = new DecisionEvaluation(BotKnowledge.learn(intents, "en", Optional.empty()),
                PolicySettings.DEFAULTS, "en");
        List<DecisionEvaluation.Judged> judged = evaluation.judge(messages);
        overall = DecisionEvaluation.Shares.of(judged);
        byLanguage = judged.stream().collect(Collectors.groupingBy(j -> j.expected().message().language(), TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), DecisionEvaluation.Shares::of)));
    }

    @Test
    void theSetHasEveryLanguageInTheAgreedAmounts() {
        assertThat(byLanguage).containsOnlyKeys("en", "it", "lt", "fa");
        assertThat(byLanguage.get("en").messages()).isGreaterThanOrEqualTo(110);
        assertThat(byLanguage.get("it").messages()).isGreaterThanOrEqualTo(110);
        assertThat(byLanguage.get("lt").messages()).isGreaterThanOrEqualTo(40);
        assertThat(byLanguage.get("fa").messages()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void theBotDoesTheRightThingWithRealWordingInEveryLanguage() {
        assertThat(overall.right()).as("right overall").isGreaterThanOrEqualTo(RIGHT.get("all"));
        byLanguage.forEach((language, shares) ->
                assertThat(shares.right()).as("right in " + language).isGreaterThanOrEqualTo(RIGHT.get(language)));
    }

    @Test
    void theBotIsRarelyConfidentlyWrongInAnyLanguage() {
        assertThat(overall.confidentlyWrong()).as("confidently wrong overall").isLessThanOrEqualTo(WRONG.get("all"));
        byLanguage.forEach((language, shares) -> assertThat(shares.confidentlyWrong())
                .as("confidently wrong in " + language).isLessThanOrEqualTo(WRONG.get(language)));
    }

    /**
     * At least these shares right: what the bot reached (docs/classifier.md), rounded down. The target is 0.85 in
     * every language, which each has reached; raise these as the bot gets better.
     */
    private static final Map<String, Double> RIGHT = Map.of("all", 0.88, "en", 0.88, "it", 0.86, "lt", 0.92, "fa", 0.86);
    /** At most these shares confidently wrong: the target, 0.03, in every language. */
    private static final Map<String, Double> WRONG = Map.of("all", 0.03, "en", 0.03, "it", 0.03, "lt", 0.03, "fa", 0.03);
}
