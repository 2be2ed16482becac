package dev.baton.dialogue;

import dev.baton.conversation.BotDecision;
import dev.baton.conversation.HandoffReason;
import dev.baton.nlu.Classification;
import dev.baton.nlu.IntentScore;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** What the bot does with one visitor message, and why: every decision carries its reason in words. */
public sealed interface Decision {

    String why();

    BotDecision.Kind kind();

    /** The intent the decision itself names (the one answered, or the topic that sent the visitor to people). */
    Optional<String> intent();

    /**
     * The decision as it is kept with the bot's message: its intent (else the classifier's best guess), with the
     * confidence and lead over the runner-up that the classifier gave it. An intent the visitor chose with a button
     * was not classified: it has the confidence its choice gave it, and no lead.
     */
    default BotDecision recorded(Classification classification) {
        Optional<IntentScore> best = classification.best();
        Optional<String> intent = intent().or(() -> best.map(IntentScore::intent));
        OptionalDouble confidence = OptionalDouble.empty();
        OptionalDouble margin = OptionalDouble.empty();
        if (best.isPresent() && intent.equals(Optional.of(best.get().intent()))) {
            confidence = OptionalDouble.of(best.get().confidence());
            margin = OptionalDouble.of(best.get().confidence() - classification.second().map(IntentScore::confidence).orElse(0.0));
        } else if (this instanceof Answer answer) {
            confidence = OptionalDouble.of(answer.score().confidence());
        }
        return new BotDecision(kind(), intent, confidence, margin, why());
    }

    /** Answer with this intent's answer. */
    record Answer(IntentScore score, String why) implements Decision {
        @Override
        public BotDecision.Kind kind() {
            return BotDecision.Kind.ANSWER;
        }

        @Override
        public Optional<String> intent() {
            return Optional.of(score.intent());
        }
    }

    /** The best intents are too close to tell apart: ask which one the visitor meant. */
    record Clarify(List<IntentScore> options, String why) implements Decision {
        public Clarify {
            options = List.copyOf(options);
        }

        @Override
        public BotDecision.Kind kind() {
            return BotDecision.Kind.CLARIFY;
        }

        @Override
        public Optional<String> intent() {
            return Optional.empty();
        }
    }

    /** Nothing fits well enough: say so honestly and offer a person. */
    record NotUnderstood(String why) implements Decision {
        @Override
        public BotDecision.Kind kind() {
            return BotDecision.Kind.NOT_UNDERSTOOD;
        }

        @Override
        public Optional<String> intent() {
            return Optional.empty();
        }
    }

    /** Hand the conversation to people; {@code intent} is set when a topic flagged for people caused it. */
    record HandOff(HandoffReason reason, Optional<String> intent, String why) implements Decision {
        public HandOff(HandoffReason reason, String why) {
            this(reason, Optional.empty(), why);
        }

        @Override
        public BotDecision.Kind kind() {
            return BotDecision.Kind.HAND_OFF;
        }
    }
}
