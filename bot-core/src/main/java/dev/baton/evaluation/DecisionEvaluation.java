package dev.baton.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import dev.baton.dialogue.Decision;
import dev.baton.dialogue.HumanRequestDetector;
import dev.baton.dialogue.MoodDetector;
import dev.baton.dialogue.PolicySettings;
import dev.baton.engine.BotKnowledge;
import dev.baton.engine.TurnReader;
import dev.baton.engine.Understanding;
import dev.baton.intents.Intent;
import dev.baton.nlu.OpenNlpLanguageDetector;
import dev.baton.nlu.evaluation.LabelledExample;

/**
 * What the bot does with labelled customer messages ({@link ExpectedDecision}), each read as the first message of a
 * conversation whose widget hints at the message's language, through the engine's own {@link TurnReader}: language
 * detection, the intent model, the request-for-a-person and mood readers, and the decision policy with the
 * knowledge's confidence floor.
 */
public final class DecisionEvaluation {

    /** What the bot did, as a visitor sees it. */
    public enum Outcome {
        ANSWERED_RIGHT, ANSWERED_WRONG, CLARIFIED, HANDED_OFF, NOT_UNDERSTOOD
    }

    /**
     * @param right whether a careful agent would have done the same: the right answer, or not answering (asking,
     *              admitting it, handing off) where that is what the label accepts
     */
    public record Judged(ExpectedDecision expected, TurnReader.Reading reading, Outcome outcome, boolean right) {

        /** The answered intent, or the one that caused a handoff; empty otherwise. */
        public Optional<String> intent() {
            return reading.decision().intent();
        }
    }

    /**
     * Shares of the messages, each in [0, 1]: the five outcomes add up to 1.
     *
     * @param right            answered right, or not answered where the label accepts it (the headline figure)
     * @param confidentlyWrong answered automatically with an answer a careful agent would not give (= answeredWrong)
     */
    public record Shares(int messages, double right, double confidentlyWrong, double answeredRight,
                         double answeredWrong, double clarified, double handedOff, double notUnderstood) {

        public static Shares of(List<Judged> judged) {
            double wrong = share(judged, j -> j.outcome() == Outcome.ANSWERED_WRONG);
            return new Shares(judged.size(), share(judged, Judged::right), wrong,
                    share(judged, j -> j.outcome() == Outcome.ANSWERED_RIGHT), wrong,
                    share(judged, j -> j.outcome() == Outcome.CLARIFIED),
                    share(judged, j -> j.outcome() == Outcome.HANDED_OFF),
                    share(judged, j -> j.outcome() == Outcome.NOT_UNDERSTOOD));
        }

        private static double share(List<Judged> judged, Predicate<Judged> counted) {
            return judged.isEmpty() ? Double.NaN : (double) judged.stream().filter(counted).count() / judged.size();
        }
    }

    private final BotKnowledge bot;
    private final PolicySettings policy;
    private final TurnReader reader;

    /**
     * @param bot             the knowledge the bot answers from (database, model, confidence floor)
     * @param policy          the policy's settings; the floor comes with {@code bot}
     * @param defaultLanguage the bot's default language
     */
    public DecisionEvaluation(BotKnowledge bot, PolicySettings policy, String defaultLanguage) {
        this.bot = bot;
        this.policy = policy;
        Understanding understanding = new Understanding(new OpenNlpLanguageDetector(bot::intents, defaultLanguage),
                new HumanRequestDetector(), new MoodDetector(), defaultLanguage);
        this.reader = new TurnReader(understanding, policy);
    }

    public List<Judged> judge(List<ExpectedDecision> messages) {
        return messages.stream().map(this::judge).toList();
    }

    public Judged judge(ExpectedDecision expected) {
        LabelledExample message = expected.message();
        TurnReader.Reading reading = firstMessage(message.text(), Optional.of(message.language()));
        Decision decision = reading.decision();
        if (decision instanceof Decision.Answer answer) {
            boolean right = expected.acceptable().contains(answer.score().intent());
            return new Judged(expected, reading, right ? Outcome.ANSWERED_RIGHT : Outcome.ANSWERED_WRONG, right);
        }
        if (decision instanceof Decision.HandOff) {
            return new Judged(expected, reading, Outcome.HANDED_OFF,
                    expected.leftUnanswered() || expected.acceptable().stream().anyMatch(this::meansHandingOff));
        }
        if (decision instanceof Decision.Clarify) {
            return new Judged(expected, reading, Outcome.CLARIFIED,
                    expected.leftUnanswered() || expected.acceptable().contains(ExpectedDecision.CLARIFY));
        }
        return new Judged(expected, reading, Outcome.NOT_UNDERSTOOD,
                expected.leftUnanswered() || expected.acceptable().contains(ExpectedDecision.NOT_UNDERSTOOD));
    }

    /**
     * What the bot makes of {@code text} as the first message of a conversation, the widget hinting at
     * {@code languageHint}: what {@link #judge} judges, and what a trainer sees when chatting with a draft.
     */
    public TurnReader.Reading firstMessage(String text, Optional<String> languageHint) {
        return reader.read(bot, TurnReader.Message.first(text, languageHint));
    }

    /** Handing off is how the bot answers the request for a person and the intents that always go to people. */
    private boolean meansHandingOff(String outcome) {
        return ExpectedDecision.HANDOFF.equals(outcome) || policy.humanRequestIntent().equals(outcome)
                || bot.intents().find(outcome).map(Intent::handoff).orElse(false);
    }
}
