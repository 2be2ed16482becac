package dev.baton.dialogue;

import dev.baton.conversation.HandoffReason;
import dev.baton.nlu.IntentScore;

import java.util.List;
import java.util.Optional;

/** What the bot does with one visitor message, and why: every decision carries its reason in words. */
public sealed interface Decision {

    String why();

    /** Answer with this intent's answer. */
    record Answer(IntentScore intent, String why) implements Decision {
    }

    /** The best intents are too close to tell apart: ask which one the visitor meant. */
    record Clarify(List<IntentScore> options, String why) implements Decision {
        public Clarify {
            options = List.copyOf(options);
        }
    }

    /** Nothing fits well enough: say so honestly and offer a person. */
    record NotUnderstood(String why) implements Decision {
    }

    /** Hand the conversation to people; {@code intent} is set when a topic flagged for people caused it. */
    record HandOff(HandoffReason reason, Optional<String> intent, String why) implements Decision {
        public HandOff(HandoffReason reason, String why) {
            this(reason, Optional.empty(), why);
        }
    }
}
