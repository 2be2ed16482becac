package dev.baton.app.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.baton.app.wire.FrameParts.AgentView;
import dev.baton.app.wire.FrameParts.AssignedEntry;
import dev.baton.app.wire.FrameParts.CannedResponseView;
import dev.baton.app.wire.FrameParts.CustomerView;
import dev.baton.app.wire.FrameParts.HistoryEntry;
import dev.baton.app.wire.FrameParts.LeftMessageView;
import dev.baton.app.wire.FrameParts.QueueEntry;
import dev.baton.app.wire.FrameParts.QueueView;
import dev.baton.app.wire.FrameParts.SuggestionView;
import dev.baton.app.wire.FrameParts.SummaryView;
import dev.baton.app.wire.FrameParts.TeamEntry;
import dev.baton.app.wire.FrameParts.TeamMember;
import dev.baton.app.wire.FrameParts.TeamView;
import dev.baton.app.wire.FrameParts.TimersView;
import dev.baton.app.wire.FrameParts.VisitorSeen;
import dev.baton.channel.ChannelAddress;
import dev.baton.app.wire.FrameParts.VisitorView;
import dev.baton.conversation.VisitorContext;
import dev.baton.conversation.Conversation;
import dev.baton.customers.Customer;
import dev.baton.conversation.Message;
import dev.baton.handoff.AgentAvailability;
import dev.baton.handoff.QueueStatus;
import dev.baton.handoff.SuggestedAnswer;
import dev.baton.handoff.Sighting;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Every frame the server sends, one record per frame, written by Jackson with its {@code type} first. The shapes
 * are documented in docs/protocol.md; a field added here is a field added to the protocol.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface OutboundFrame {

    // ---- both channels

    /** A new message in a conversation, or the acknowledgement of a resent one. */
    @JsonTypeName("message")
    record MessageFrame(String conversationId, MessageView message) implements OutboundFrame {
        public static MessageFrame of(Message message) {
            return new MessageFrame(message.conversationId(), MessageView.of(message));
        }
    }

    /** Someone is typing: the agent (to the visitor, no conversation id) or the visitor (to agents). */
    @JsonTypeName("typing")
    record Typing(@JsonInclude(JsonInclude.Include.NON_NULL) String conversationId, String from) implements OutboundFrame {
    }

    /** A frame was refused; nothing was stored. */
    @JsonTypeName("error")
    record Error(String code, String message,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String conversationId,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Long retryAfterMs,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String clientMessageId) implements OutboundFrame {
    }

    @JsonTypeName("pong")
    record Pong() implements OutboundFrame {
    }

    /** This node is stopping: reconnect, possibly to another node. */
    @JsonTypeName("reconnect")
    record Reconnect() implements OutboundFrame {
    }

    // ---- visitor channel

    @JsonTypeName("welcome")
    /** @param rateable whether to ask the visitor how satisfied they were: an agent resolved it and nobody rated it */
    record VisitorWelcome(String visitorId, String visitorToken, String conversationId, String state, String language, boolean resumed,
                          List<MessageView> messages, QueueView queue, String agentName, int agentsOnline, boolean rateable,
                          String closedUntil)
            implements OutboundFrame {
    }

    @JsonTypeName("state")
    record VisitorState(String conversationId, String state, QueueView queue, String agentName, int agentsOnline,
                        String closedUntil) implements OutboundFrame {
        /** @param closedUntil when people are back, while out of business hours */
        public static VisitorState of(Conversation conversation, Optional<QueueStatus> queue, int agentsOnline,
                                      Optional<ZonedDateTime> closedUntil) {
            return new VisitorState(conversation.id(), conversation.state().name(), QueueView.of(queue),
                    conversation.agent().map(a -> a.displayName()).orElse(null), agentsOnline, closedUntilText(closedUntil));
        }
    }

    /** When people are back, as an ISO 8601 time with the team's offset ({@code 2026-11-24T09:00+01:00}); null while open. */
    static String closedUntilText(Optional<ZonedDateTime> closedUntil) {
        return closedUntil.map(at -> at.toOffsetDateTime().toString()).orElse(null);
    }

    /** The visitor's rating of an answer was kept. */
    @JsonTypeName("feedback")
    record FeedbackReceived(String conversationId, long messageId, boolean helpful) implements OutboundFrame {
    }

    /** The visitor's satisfaction rating of the conversation was kept. */
    @JsonTypeName("conversation_rated")
    record ConversationRated(String conversationId, int score, String comment) implements OutboundFrame {
    }

    /** The privacy notice the visitor must accept before writing in the conversation (see docs/protocol.md, Privacy). */
    @JsonTypeName("privacy_notice")
    record PrivacyNotice(String conversationId, String version, String text, String link) implements OutboundFrame {
    }

    /** The visitor's consent to the privacy notice was recorded with the conversation. */
    @JsonTypeName("privacy_notice_accepted")
    record PrivacyNoticeAccepted(String conversationId, String version, String at) implements OutboundFrame {
    }

    /** Everything held about the visitor, as they asked with {@code export_data}. */
    @JsonTypeName("data_export")
    record DataExport(VisitorDataView data) implements OutboundFrame {
    }

    /** Everything held about the visitor was erased, as they asked with {@code erase_data}. */
    @JsonTypeName("data_erased")
    record DataErased(VisitorDataView.ErasureView erased) implements OutboundFrame {
    }

    // ---- agent channel

    /** @param teams every team (none without teams), and whether the agent is in it */
    @JsonTypeName("welcome")
    record AgentWelcome(AgentView agent, TimersView timers, List<TeamEntry> teams) implements OutboundFrame {
    }

    @JsonTypeName("state")
    record AgentState(String conversationId, String state, String agentName, String team) implements OutboundFrame {
        public static AgentState of(Conversation conversation) {
            return new AgentState(conversation.id(), conversation.state().name(),
                    conversation.agent().map(a -> a.displayName()).orElse(null), conversation.team().orElse(null));
        }
    }

    /** Baton gave the agent a conversation of a team that assigns automatically; its {@code conversation} frame follows. */
    @JsonTypeName("assignment")
    record Assignment(String conversationId) implements OutboundFrame {
    }

    /** The whole waiting queue. */
    @JsonTypeName("queue")
    record Queue(List<QueueEntry> conversations) implements OutboundFrame {
    }

    /** What changed in the queue since the last {@code queue} or {@code queue_update}. */
    @JsonTypeName("queue_update")
    record QueueUpdate(List<String> removed, List<QueueEntry> added, int size) implements OutboundFrame {
    }

    /** The agent's open conversations. */
    @JsonTypeName("assigned")
    record Assigned(List<AssignedEntry> conversations) implements OutboundFrame {
    }

    /**
     * One conversation, read or taken: its summary, transcript, the customer's earlier conversations on every channel,
     * the customer the visitor is linked as ({@code null} when none) and the intent database's answers the agent may
     * start from.
     */
    @JsonTypeName("conversation")
    record ConversationFrame(String conversationId, String state, String agentName, SummaryView summary,
                             List<MessageView> transcript, List<HistoryEntry> history, boolean visitorOnline,
                             String visitorLastSeen, List<SuggestionView> suggestions, String channel, String visitorId,
                             VisitorView visitor, CustomerView customer, String team)
            implements OutboundFrame {
        public static ConversationFrame of(Conversation conversation, List<Message> transcript, List<HistoryEntry> history,
                                           Sighting visitor, List<SuggestedAnswer> suggestions, Optional<VisitorContext> browser,
                                           Optional<Customer> customer) {
            VisitorSeen seen = VisitorSeen.of(visitor);
            return new ConversationFrame(conversation.id(), conversation.state().name(),
                    conversation.agent().map(a -> a.displayName()).orElse(null), SummaryView.of(conversation.handoff()),
                    MessageView.of(transcript), history, seen.visitorOnline(), seen.visitorLastSeen(),
                    suggestions.stream().map(SuggestionView::of).toList(), ChannelAddress.channelOf(conversation.visitorId()),
                    conversation.visitorId(), browser.map(VisitorView::of).orElse(null), customer.map(CustomerView::of).orElse(null),
                    conversation.team().orElse(null));
        }
    }

    /**
     * The customer of a conversation's visitor after an agent linked or unlinked it, with the history that now goes
     * with it ({@code customer} is {@code null} once the visitor is linked to nobody).
     */
    @JsonTypeName("customer")
    record CustomerFrame(String conversationId, CustomerView customer, List<HistoryEntry> history) implements OutboundFrame {
    }

    /** The visitor of a waiting or assigned conversation came online or went. */
    @JsonTypeName("visitor_presence")
    record VisitorPresence(String conversationId, boolean visitorOnline, String visitorLastSeen) implements OutboundFrame {
        public static VisitorPresence of(String conversationId, Sighting visitor) {
            VisitorSeen seen = VisitorSeen.of(visitor);
            return new VisitorPresence(conversationId, seen.visitorOnline(), seen.visitorLastSeen());
        }
    }

    /** The canned responses the agent may use, and whether they may manage the shared ones. */
    @JsonTypeName("canned_responses")
    record CannedResponses(List<CannedResponseView> responses, boolean canManageShared) implements OutboundFrame {
    }

    /** The agent's own status and load: whether they take conversations, how many they have, how many they may. */
    @JsonTypeName("agent_status")
    record AgentStatus(String status, int open, int capacity) implements OutboundFrame {
        public static AgentStatus of(AgentAvailability availability) {
            return new AgentStatus(TeamMember.status(availability), availability.open(), availability.member().capacity());
        }
    }

    /** Every agent, with their status and load: whom a conversation can be transferred to. */
    @JsonTypeName("team")
    record Team(List<TeamMember> agents) implements OutboundFrame {
    }

    /** The supervisor's view connected: who they are, and the waits the view shows in amber and in red. */
    @JsonTypeName("welcome")
    record SupervisorWelcome(AgentView supervisor, long waitAmberMs, long waitRedMs) implements OutboundFrame {
    }

    /** The teams with their agents' status, load and conversations, as they are now. */
    @JsonTypeName("supervision")
    record Supervision(List<TeamView> teams) implements OutboundFrame {
    }

    @JsonTypeName("left_messages")
    record LeftMessages(List<LeftMessageView> messages) implements OutboundFrame {
    }
}
