package dev.baton.inbox;

import dev.baton.conversation.BotDecision;
import dev.baton.conversation.HandoffReason;

import java.util.Locale;
import java.util.Optional;

/** Why a visitor's message deserves a trainer's look. */
public enum InboxReason {
    /** The bot said it did not understand. */
    NOT_UNDERSTOOD,
    /** The bot asked which of a few intents was meant. */
    CLARIFIED,
    /** The bot gave up after failing several messages in a row and handed off. */
    HANDED_OFF_AFTER_FAILURES,
    /** The bot answered, but its intent hardly led the runner-up. */
    LOW_MARGIN,
    /** The visitor marked the bot's answer to it as not helpful. */
    UNHELPFUL;

    /**
     * Why the turn that took {@code decision} belongs in the inbox; empty when it does not: a confident answer, a
     * visitor who asked for a person, or was upset, or chose an intent with a button (no classifier guessed).
     *
     * @param lowMargin an answer leading the runner-up by less than this is worth a look
     */
    public static Optional<InboxReason> of(BotDecision decision, Optional<HandoffReason> handoff, double lowMargin) {
        return switch (decision.kind()) {
            case NOT_UNDERSTOOD -> Optional.of(NOT_UNDERSTOOD);
            case CLARIFY -> Optional.of(CLARIFIED);
            case HAND_OFF -> handoff.filter(HandoffReason.REPEATED_FAILURE::equals).map(r -> HANDED_OFF_AFTER_FAILURES);
            case ANSWER -> decision.margin().isPresent() && decision.margin().getAsDouble() < lowMargin
                    ? Optional.of(LOW_MARGIN) : Optional.empty();
        };
    }

    /** As the API and the Redis store name it, e.g. {@code not_understood}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
