package dev.baton.handoff;

import dev.baton.conversation.Conversation;
import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Since when the visitor of a conversation handed to people has been waiting for a person's answer, the console's
 * second timer: from the handoff until an agent first writes, then from the visitor's first message after the agent's
 * latest one. The first unanswered message counts, not the last: the visitor has waited since then. Notes, the bot's
 * and system messages answer nobody.
 */
public final class UnansweredSince {

    private UnansweredSince() {
    }

    /**
     * @param transcript the conversation's messages in order
     * @return empty when the latest word is an agent's, or the conversation was never handed to people
     */
    public static Optional<Instant> in(Conversation conversation, List<Message> transcript) {
        Optional<Instant> handedOff = conversation.handoff().map(summary -> summary.waitingSince());
        if (handedOff.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> since = handedOff;
        for (Message message : transcript) {
            if (message.at().isBefore(handedOff.get())) {
                continue;
            }
            if (message.from() == Sender.AGENT) {
                since = Optional.empty();
            } else if (message.from() == Sender.VISITOR && since.isEmpty()) {
                since = Optional.of(message.at());
            }
        }
        return since;
    }
}
