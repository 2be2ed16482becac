package dev.baton.conversation;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Why the bot wrote a message: the decision of the turn that wrote it, kept with the message so that an agent can
 * read later why the bot answered, asked back, gave up or handed off.
 *
 * @param intent     the intent the decision is about: the one answered, the one that sent the visitor to people, or
 *                   the classifier's best guess; empty when the model knew none
 * @param confidence the classifier's confidence in {@code intent} (1 for an intent the visitor chose with a button);
 *                   empty when nothing was classified
 * @param margin     how far {@code intent} led the runner-up; empty when nothing was classified
 * @param reason     the decision's reason in words, for agents only
 */
public record BotDecision(Kind kind, Optional<String> intent, OptionalDouble confidence, OptionalDouble margin,
                          String reason) {

    public enum Kind {
        ANSWER,
        CLARIFY,
        NOT_UNDERSTOOD,
        HAND_OFF
    }

    public BotDecision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(reason, "reason");
    }
}
