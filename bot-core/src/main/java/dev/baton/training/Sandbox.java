package dev.baton.training;

import dev.baton.conversation.BotDecision;
import dev.baton.dialogue.Decision;
import dev.baton.dialogue.PolicySettings;
import dev.baton.engine.BotKnowledge;
import dev.baton.engine.TurnReader;
import dev.baton.evaluation.DecisionEvaluation;
import dev.baton.intents.Intent;
import dev.baton.nlu.IntentScore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bot that answers from a draft, for trainers to chat with before publishing: each message is read as the first of
 * a conversation by the engine's own turn reader (language, model, requests for a person, mood, the decision policy
 * with the draft model's confidence floor), so it decides what a visitor would get once the draft is published.
 */
public final class Sandbox {

    private final BotKnowledge knowledge;
    private final DecisionEvaluation reader;
    private final String defaultLanguage;

    /** @param knowledge the draft's database, the model trained on it and its confidence floor */
    public Sandbox(BotKnowledge knowledge, PolicySettings policy, String defaultLanguage) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.reader = new DecisionEvaluation(knowledge, policy, defaultLanguage);
        this.defaultLanguage = defaultLanguage;
    }

    public BotKnowledge knowledge() {
        return knowledge;
    }

    /** What the draft's bot does with {@code text}, the widget hinting at {@code languageHint}. */
    public Reply reply(String text, Optional<String> languageHint) {
        TurnReader.Reading reading = reader.firstMessage(text, languageHint);
        Decision decision = reading.decision();
        BotDecision recorded = decision.recorded(reading.classification());
        Optional<String> answer = decision.intent().flatMap(knowledge.intents()::find)
                .flatMap(intent -> answerIn(intent, reading.language()));
        List<String> options = decision instanceof Decision.Clarify clarify
                ? clarify.options().stream().map(IntentScore::intent).toList() : List.of();
        return new Reply(recorded, reading.language(), answer, options);
    }

    /** The intent's first answer in the language, else in the default language (as the bot falls back). */
    private Optional<String> answerIn(Intent intent, String language) {
        List<String> answers = intent.answersIn(language).isEmpty() ? intent.answersIn(defaultLanguage) : intent.answersIn(language);
        return answers.stream().findFirst();
    }

    /**
     * What the draft's bot decided and why, as the agent console's "Why" shows it for a real conversation.
     *
     * @param language the language it read the message in
     * @param answer   the answer it would give (when it answers, or hands off with an intent's answer)
     * @param options  the intents it would offer when it asks which one was meant
     */
    public record Reply(BotDecision decision, String language, Optional<String> answer, List<String> options) {
        public Reply {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(answer, "answer");
            options = List.copyOf(options);
        }
    }
}
