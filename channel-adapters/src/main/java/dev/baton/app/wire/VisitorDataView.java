package dev.baton.app.wire;

import dev.baton.app.wire.FrameParts.LeftMessageView;
import dev.baton.rights.ConversationData;
import dev.baton.rights.Erasure;
import dev.baton.rights.VisitorData;

import java.util.List;

/**
 * Everything Baton holds about a visitor, as the widget's {@code data_export} frame and the administrators' API give
 * it: one shape, documented in docs/protocol.md (Your data).
 */
public record VisitorDataView(String visitorId, String exportedAt, List<ConversationDataView> conversations,
                              List<LeftMessageView> leftMessages) {

    public static VisitorDataView of(VisitorData data) {
        return new VisitorDataView(data.visitorId(), data.exportedAt().toString(),
                data.conversations().stream().map(ConversationDataView::of).toList(),
                data.leftMessages().stream().map(LeftMessageView::of).toList());
    }

    /**
     * @param agentName the agent who has it, or had it when it was resolved
     * @param consent   the privacy notice the visitor accepted in it; null if none
     * @param rating    the visitor's satisfaction rating; null if none
     * @param browser   what the visitor's browser told of itself in it (the agents' customer panel); null if nothing
     */
    public record ConversationDataView(String conversationId, String state, String language, String startedAt, String updatedAt,
                                       String agentName, ConsentView consent, RatingView rating, FrameParts.VisitorView browser,
                                       List<MessageView> messages) {
        static ConversationDataView of(ConversationData data) {
            var c = data.conversation();
            return new ConversationDataView(c.id(), c.state().name(), c.language().orElse(null), c.startedAt().toString(),
                    c.updatedAt().toString(), c.agent().map(a -> a.displayName()).orElse(null),
                    data.consent().map(consent -> new ConsentView(consent.noticeVersion(), consent.at().toString(),
                            consent.how().name().toLowerCase(java.util.Locale.ROOT))).orElse(null),
                    data.rating().map(r -> new RatingView(r.score(), r.comment().orElse(null), r.at().toString())).orElse(null),
                    data.browser().map(FrameParts.VisitorView::of).orElse(null), MessageView.of(data.messages()));
        }
    }

    /** @param how {@code accepted} (in the widget) or {@code informed_via_channel} (sent as a messaging channel's first reply) */
    public record ConsentView(String noticeVersion, String at, String how) {
    }

    public record RatingView(int score, String comment, String at) {
    }

    /** What an erasure removed, counted (the data itself is gone). */
    public record ErasureView(int visitors, int conversations, int closed, int messages, int leftMessages, int inboxEntries) {
        public static ErasureView of(Erasure e) {
            return new ErasureView(e.visitors(), e.conversations(), e.closed(), e.messages(), e.leftMessages(), e.inboxEntries());
        }
    }
}
