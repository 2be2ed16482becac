package dev.baton.app.wire;

import dev.baton.conversation.BotDecision;
import dev.baton.conversation.Message;
import dev.baton.conversation.QuickReply;

import java.util.List;
import java.util.Locale;

/**
 * A message as the protocol shows it, in every frame that carries messages (a {@code message} frame, a welcome's
 * {@code messages}, a conversation's {@code transcript}), to visitors and agents alike. docs/protocol.md documents it.
 *
 * @param intent   for a bot answer, the intent it answered; else null
 * @param decision for a message a bot turn wrote, why the bot wrote it; else null. Clients for visitors ignore it
 */
public record MessageView(long id, String from, String text, List<QuickReplyView> quickReplies, String at,
                          String agentName, String clientMessageId, Long replyTo, String intent, DecisionView decision) {

    public static MessageView of(Message m) {
        return new MessageView(m.id(), m.from().name().toLowerCase(Locale.ROOT), m.text(),
                m.quickReplies().stream().map(QuickReplyView::of).toList(), m.at().toString(),
                m.authorName().orElse(null), m.clientMessageId().orElse(null),
                m.replyTo().isPresent() ? m.replyTo().getAsLong() : null, m.intent().orElse(null),
                m.decision().map(DecisionView::of).orElse(null));
    }

    public static List<MessageView> of(List<Message> messages) {
        return messages.stream().map(MessageView::of).toList();
    }

    public record QuickReplyView(String label, String payload) {
        static QuickReplyView of(QuickReply reply) {
            return new QuickReplyView(reply.label(), reply.payload());
        }
    }

    /**
     * @param kind       {@code answer}, {@code clarify}, {@code not_understood} or {@code hand_off}
     * @param confidence the classifier's confidence in {@code intent}, to three decimals; null when nothing was classified
     * @param margin     how far {@code intent} led the runner-up, to three decimals; null when nothing was classified
     * @param reason     the decision's reason in words, for agents
     */
    public record DecisionView(String kind, String intent, Double confidence, Double margin, String reason) {
        public static DecisionView of(BotDecision d) {
            return new DecisionView(d.kind().name().toLowerCase(Locale.ROOT), d.intent().orElse(null),
                    d.confidence().isPresent() ? FrameParts.threeDecimals(d.confidence().getAsDouble()) : null,
                    d.margin().isPresent() ? FrameParts.threeDecimals(d.margin().getAsDouble()) : null, d.reason());
        }
    }
}
