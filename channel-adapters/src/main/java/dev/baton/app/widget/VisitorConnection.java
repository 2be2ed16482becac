package dev.baton.app.widget;

import dev.baton.app.wire.FrameOutbox;
import dev.baton.app.wire.OutboundFrame;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.VisitorContext;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.Message;
import dev.baton.handoff.QueueStatus;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.ArrayList;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one visitor socket knows: whose it is, which conversation it follows and the last message id it
 * sent, so that a message reaching it both from the transcript and as an event is sent once.
 */
final class VisitorConnection {

    /** The error code a client gets when it must send {@code hello} again to catch up (see docs/protocol.md). */
    static final String TOO_FAR_BEHIND = "too_far_behind";

    private final FrameOutbox outbox;
    private final Function<Conversation, Optional<ZonedDateTime>> closedUntil;
    private final String address;
    private final Sinks.Many<String> followed = Sinks.many().replay().latest();
    private volatile String visitorId;
    private volatile String conversationId;
    private volatile Conversation conversation;
    private volatile Optional<String> languageHint = Optional.empty();
    /** What the browser told of itself in its latest hello; a new conversation on this socket keeps it too. */
    private volatile VisitorContext browser = VisitorContext.fromBrowser(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    /** What this visitor was last told about their place in the queue; empty while not waiting. */
    private Optional<QueueStatus> toldQueue = Optional.empty();
    /** How many agents online this visitor was last told of. */
    private int toldAgentsOnline;
    private long lastSentId;
    // Between following a conversation and sending its transcript, pushed messages wait here so that
    // none overtakes the welcome frame and none is lost if it was stored after the transcript was read.
    private boolean loading;
    private final List<Message> pending = new ArrayList<>();
    private final int maxPending;
    // More than maxPending came while loading: those are dropped (the store has them all) and the client is told
    // to catch up with hello; until it does, nothing more is sent, so that it never shows a gap as if it were none.
    private boolean behind;

    /**
     * @param maxPending messages kept while the transcript loads; beyond, the client is told to catch up
     * @param address    the client's address, which its rate limits count against
     */
    /** @param closedUntil when the conversation's people are back, while out of their business hours; empty while open */
    VisitorConnection(FrameOutbox outbox, int maxPending, String address, Function<Conversation, Optional<ZonedDateTime>> closedUntil) {
        this.closedUntil = closedUntil;
        if (maxPending < 1) {
            throw new IllegalArgumentException("a connection must keep at least one message while loading: " + maxPending);
        }
        this.outbox = outbox;
        this.maxPending = maxPending;
        this.address = address;
    }

    String address() {
        return address;
    }

    FrameOutbox outbox() {
        return outbox;
    }

    synchronized void follow(String visitorId, Conversation conversation, Optional<String> languageHint, long lastSeenId) {
        this.visitorId = visitorId;
        this.conversationId = conversation.id();
        this.conversation = conversation;
        this.languageHint = languageHint;
        this.lastSentId = lastSeenId;
        this.loading = true;
        this.behind = false;
        this.pending.clear();
        followed.tryEmitNext(conversation.id());
    }

    /** The conversation this socket follows, and each one it follows next (after {@code new_conversation}). */
    Flux<String> followed() {
        return followed.asFlux();
    }

    boolean greeted() {
        return conversationId != null;
    }

    boolean follows(String id) {
        return id.equals(conversationId);
    }

    String conversationId() {
        return conversationId;
    }

    String visitorId() {
        return visitorId;
    }

    Optional<String> languageHint() {
        return languageHint;
    }

    VisitorContext browser() {
        return browser;
    }

    void told(VisitorContext browser) {
        this.browser = browser;
    }

    ConversationState state() {
        return conversation.state();
    }

    void stateChanged(Conversation changed) {
        this.conversation = changed;
    }

    /**
     * Sends a {@code state} frame (or the welcome) telling the visitor {@code queue} and {@code agentsOnline}, and
     * remembers both.
     */
    synchronized void sendState(OutboundFrame frame, Optional<QueueStatus> queue, int agentsOnline) {
        outbox.send(frame);
        toldQueue = queue;
        toldAgentsOnline = agentsOnline;
    }

    /**
     * The number of agents online may have changed: tells a visitor who is not waiting (a waiting one hears it with
     * their place, see {@link #queueMoved}) if it differs from what they were last told. Not before the welcome,
     * which carries its own count.
     */
    synchronized void agentsOnlineChanged(int agentsOnline) {
        Conversation current = conversation;
        if (loading || current == null || current.state() == ConversationState.WAITING_FOR_AGENT || agentsOnline == toldAgentsOnline) {
            return;
        }
        sendState(OutboundFrame.VisitorState.of(current, Optional.empty(), agentsOnline, closedUntil.apply(current)), Optional.empty(), agentsOnline);
    }

    /**
     * The queue moved: tells the visitor their new place if they are still waiting in {@code waiting} (a view of
     * the queue may arrive after the visitor was taken) and it differs from what they were last told.
     */
    synchronized void queueMoved(Conversation waiting, QueueStatus status) {
        if (state() != ConversationState.WAITING_FOR_AGENT || !follows(waiting.id()) || toldQueue.equals(Optional.of(status))) {
            return;
        }
        sendState(OutboundFrame.VisitorState.of(waiting, Optional.of(status), status.agentsOnline(), closedUntil.apply(waiting)), Optional.of(status),
                status.agentsOnline());
    }

    /**
     * Sends {@code frame} (which carries {@code messages} and tells {@code queue} and {@code agentsOnline}) and
     * remembers the last message it carried.
     */
    synchronized void sendMessagesAnd(OutboundFrames frames, OutboundFrame frame, List<Message> messages,
                                      Optional<QueueStatus> queue, int agentsOnline) {
        sendState(frame, queue, agentsOnline);
        messages.stream().mapToLong(Message::id).max().ifPresent(id -> lastSentId = Math.max(lastSentId, id));
        loading = false;
        if (behind) {
            outbox.send(new OutboundFrame.Error(TOO_FAR_BEHIND, "more than " + maxPending + " messages arrived while "
                    + "the conversation loaded; send hello again with lastSeenId to get them", conversationId, null, null));
        } else {
            pending.forEach(m -> sendMessage(frames, m));
        }
        pending.clear();
    }

    /**
     * Sends {@code message} whether or not this socket sent it before (a retried send is acknowledged with it); it
     * counts as sent only if it is the next one, so that no earlier message still on its way is skipped.
     */
    synchronized void acknowledge(OutboundFrames frames, Message message) {
        // A visitor who resends an agent's clientMessageId is acknowledged with the agent's message: never with a note.
        if (!message.reachesVisitor()) {
            return;
        }
        outbox.sendWritten(frames.write(OutboundFrame.MessageFrame.of(message)));
        if (!loading && message.id() == lastSentId + 1) {
            lastSentId = message.id();
        }
    }

    /** Sends {@code message} once, if it is this socket's to send: an agent's internal note never is. */
    synchronized void sendMessage(OutboundFrames frames, Message message) {
        if (!message.reachesVisitor() || !message.conversationId().equals(conversationId) || message.id() <= lastSentId || behind) {
            return;
        }
        if (loading) {
            if (pending.size() < maxPending) {
                pending.add(message);
            } else {
                behind = true;
                pending.clear();
            }
            return;
        }
        lastSentId = message.id();
        outbox.sendWritten(frames.write(OutboundFrame.MessageFrame.of(message)));
    }
}
