package dev.baton.observation;

import dev.baton.conversation.BotDecision;
import dev.baton.conversation.HandoffReason;

import java.util.Locale;
import java.util.Optional;

/**
 * One turn the bot took, as observed once it is stored (for a handoff: once the conversation is queued).
 *
 * @param decision            what the bot decided, as kept with its message
 * @param handoffReason       why the bot handed off; empty for any other decision
 * @param classificationNanos how long the intent classifier took (0 when the visitor chose an intent with a button
 *                            and the classifier was not asked)
 * @param latencyNanos        from reading the transcript to the answer stored or the conversation queued
 * @param firstHandoff        the conversation had never been handed to people before this turn: a handoff now is its
 *                            first (containment counts those)
 */
public record BotTurn(String conversationId,
                      BotDecision decision,
                      Optional<HandoffReason> handoffReason,
                      long classificationNanos,
                      long latencyNanos,
                      boolean firstHandoff) {

    /** The decision's kind as logs and metric tags name it: {@code answer}, {@code clarify}, {@code not_understood}, {@code hand_off}. */
    public static String label(BotDecision.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** A handoff reason as logs and metric tags name it, e.g. {@code visitor_asked}. */
    public static String label(HandoffReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }
}
