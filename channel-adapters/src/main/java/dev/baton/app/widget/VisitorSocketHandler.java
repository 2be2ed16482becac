package dev.baton.app.widget;

import dev.baton.app.limits.ClientAddress;
import dev.baton.app.limits.SocketsPerAddress;
import dev.baton.app.limits.VisitorLimits;
import dev.baton.app.metrics.ConversationMetrics;
import dev.baton.app.wire.RateLimitedException;
import dev.baton.app.wire.ConversationFeeds;
import dev.baton.app.wire.FrameParts.QueueView;
import dev.baton.app.wire.MessageView;
import dev.baton.app.wire.OutboundFrame;
import dev.baton.app.wire.InboundFrame;
import dev.baton.app.wire.OpenSockets;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.app.wire.ProtocolException;
import dev.baton.app.wire.SocketPipeline;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationState;
import dev.baton.conversation.VisitorContext;
import dev.baton.conversation.VisitorContexts;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;
import dev.baton.engine.ConversationEngine;
import dev.baton.engine.QuotedValue;
import dev.baton.engine.SatisfactionSurvey;
import dev.baton.engine.VisitorMessage;
import dev.baton.handoff.QueueStatus;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The visitor channel ({@code /ws/visitor}): the widget's WebSocket. Frames from one socket are handled one at
 * a time, in order; events of the visitor's conversation are pushed as they happen, from any node.
 */
final class VisitorSocketHandler implements WebSocketHandler {

    /** Close status of a socket refused because its address has too many open (RFC 6455: try again later). */
    static final CloseStatus TOO_MANY_SOCKETS = new CloseStatus(1013, "too many sockets from this address");
    /** When an address refused a socket is told to try again: sockets are not a rate, there is no knowing when one closes. */
    static final Duration TOO_MANY_SOCKETS_RETRY = Duration.ofSeconds(30);

    private static final java.util.Set<String> KNOWN_TYPES =
            java.util.Set.of("hello", "message", "typing", "stop_waiting", "leave_message", "new_conversation", "feedback",
                    "rate_conversation", "ping", "accept_privacy_notice", "export_data", "erase_data");

    private final ConversationEngine engine;
    private final SatisfactionSurvey survey;
    private final ConversationStore conversations;
    private final ConversationFeeds feeds;
    private final WaitingVisitors waiting;
    private final SocketPipeline pipeline;
    private final OutboundFrames frames;
    private final OpenSockets openSockets;
    private final ConversationMetrics metrics;
    private final int maxMessagesWhileLoading;
    private final VisitorTokens tokens;
    private final VisitorLimits limits;
    private final SocketsPerAddress socketsPerAddress;
    private final VisitorPrivacy privacy;
    private final VisitorContexts contexts;

    VisitorSocketHandler(ConversationEngine engine, SatisfactionSurvey survey, ConversationStore conversations,
                         ConversationFeeds feeds, WaitingVisitors waiting, SocketPipeline pipeline, OutboundFrames frames,
                         OpenSockets openSockets, ConversationMetrics metrics, int maxMessagesWhileLoading, VisitorTokens tokens,
                         VisitorLimits limits, SocketsPerAddress socketsPerAddress, VisitorPrivacy privacy,
                         VisitorContexts contexts) {
        this.privacy = privacy;
        this.contexts = contexts;
        this.maxMessagesWhileLoading = maxMessagesWhileLoading;
        this.tokens = tokens;
        this.limits = limits;
        this.socketsPerAddress = socketsPerAddress;
        this.engine = engine;
        this.survey = survey;
        this.conversations = conversations;
        this.feeds = feeds;
        this.waiting = waiting;
        this.pipeline = pipeline;
        this.frames = frames;
        this.openSockets = openSockets;
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String address = ClientAddress.of(session.getHandshakeInfo().getRemoteAddress());
        return socketsPerAddress.tryOpen(address)
                .map(place -> serve(session, address).doFinally(signal -> place.release()))
                .orElseGet(() -> refuseOneTooMany(session));
    }

    /**
     * An address with its maximum of sockets open here gets one {@code rate_limited} error and the socket closed
     * with 1013 (try again later), before anything is read from it.
     */
    private Mono<Void> refuseOneTooMany(WebSocketSession session) {
        OutboundFrame refusal = frames.error(new RateLimitedException("open sockets from your address", TOO_MANY_SOCKETS_RETRY,
                Optional.empty(), Optional.empty()), Optional.empty());
        return session.send(Mono.just(session.textMessage(frames.write(refusal))))
                .then(session.close(TOO_MANY_SOCKETS))
                .onErrorComplete();
    }

    private Mono<Void> serve(WebSocketSession session, String address) {
        VisitorConnection connection = new VisitorConnection(pipeline.outbox(session), maxMessagesWhileLoading, address, engine::closedUntil);
        Sinks.Empty<Void> closed = Sinks.empty();
        waiting.add(connection);
        Mono<Void> readFrames = pipeline.read(session, connection.outbox(), frame -> onFrame(connection, frame))
                .doFinally(signal -> {
                    closed.tryEmitEmpty();
                    waiting.remove(connection);
                    connection.outbox().close();
                })
                .then();
        Mono<Void> pushEvents = connection.followed()
                .switchMap(feeds::observe)
                .takeUntilOther(closed.asMono())
                .filter(event -> connection.follows(event.conversationId()))
                .concatMap(event -> push(connection, event).onErrorResume(e -> Mono.empty()))
                .onErrorResume(Exceptions::isOverflow, overflow -> pipeline.closeTooFarBehind(session))
                .then();
        Mono<Void> presence = connection.followed()
                .switchMap(this::presentWhileFollowing)
                .takeUntilOther(closed.asMono())
                .then();
        Mono<Void> writeFrames = pipeline.write(session, connection.outbox());
        return openSockets.track(OpenSockets.Kind.VISITOR, session, connection.outbox(), Mono.when(readFrames, writeFrames, pushEvents, presence));
    }

    /**
     * The visitor is online in the conversation until the socket closes or follows another one. A store that
     * cannot be reached costs the visitor their presence, never their socket.
     */
    private Mono<Void> presentWhileFollowing(String conversationId) {
        Mono<Void> gone = engine.visitorDisconnected(conversationId).onErrorResume(e -> Mono.empty());
        return Mono.usingWhen(engine.visitorConnected(conversationId).thenReturn(conversationId),
                        following -> Mono.<Void>never(), following -> gone, (following, error) -> gone, following -> gone)
                .onErrorResume(e -> Mono.empty());
    }

    private Mono<Void> onFrame(VisitorConnection connection, InboundFrame frame) {
        String type = frame.type();
        if ("hello".equals(type)) {
            return hello(connection, frame);
        }
        if (!connection.greeted()) {
            if (!KNOWN_TYPES.contains(type)) {
                throw new ProtocolException("unknown_type", "unknown frame type " + QuotedValue.of(type));
            }
            throw new ProtocolException("hello_required", "send a \"hello\" frame first");
        }
        if ("ping".equals(type)) {
            connection.outbox().send(new OutboundFrame.Pong());
            return Mono.empty();
        }
        String conversationId = connection.conversationId();
        String visitorId = connection.visitorId();
        return switch (type) {
            case "message" -> {
                VisitorFrames.Said said = VisitorFrames.Said.read(frame);
                yield privacy.requireConsent(connection).then(withinLimits(connection, said.clientMessageId())).then(say(connection, said));
            }
            case "typing" -> engine.typing(conversationId, visitorId);
            case "stop_waiting" -> engine.stopWaiting(conversationId, visitorId);
            case "leave_message" -> {
                VisitorFrames.LeaveMessage leave = VisitorFrames.LeaveMessage.read(frame);
                yield privacy.requireConsent(connection).then(withinLimits(connection, Optional.empty())).then(leaveMessage(connection, leave));
            }
            case "feedback" -> rate(connection, VisitorFrames.Feedback.read(frame));
            case "rate_conversation" -> rateConversation(connection, VisitorFrames.RateConversation.read(frame));
            case "accept_privacy_notice" -> privacy.accept(connection, frame);
            case "export_data" -> privacy.export(connection, frame);
            case "erase_data" -> privacy.erase(connection, frame);
            case "new_conversation" -> open(connection, visitorId, Optional.empty(),
                    VisitorFrames.NewConversation.read(frame).language().or(connection::languageHint), 0);
            default -> Mono.error(new ProtocolException("unknown_type", "unknown frame type " + QuotedValue.of(type)));
        };
    }

    /** Completes when the visitor and their address may send one more message; errors with {@code rate_limited} if not. */
    private Mono<Void> withinLimits(VisitorConnection connection, Optional<String> clientMessageId) {
        return limits.message(connection.visitorId(), connection.address())
                .flatMap(admission -> admission.admitted() ? Mono.empty()
                        : Mono.error(new RateLimitedException("messages", admission.retryAfter(), Optional.of(connection.conversationId()),
                        clientMessageId)));
    }

    private Mono<Void> say(VisitorConnection connection, VisitorFrames.Said said) {
        return engine.handle(new VisitorMessage(connection.conversationId(), connection.visitorId(), said.text(),
                        said.clientMessageId(), said.payload(), connection.languageHint()))
                .doOnNext(received -> {
                    if (!received.repeated()) {
                        metrics.widgetMessageReceived();
                    }
                })
                // Events bring new messages to every socket, but they can be lost (a Redis restart): a retried
                // send is answered here, so that its sender never retries into silence.
                .filter(ConversationEngine.Received::repeated)
                .doOnNext(received -> {
                    connection.acknowledge(frames, received.message());
                    received.answer().ifPresent(answer -> connection.acknowledge(frames, answer));
                })
                .then();
    }

    private Mono<Void> rate(VisitorConnection connection, VisitorFrames.Feedback feedback) {
        return engine.rate(connection.conversationId(), connection.visitorId(), feedback.messageId(), feedback.helpful())
                .doOnNext(rating -> connection.outbox().send(
                        new OutboundFrame.FeedbackReceived(rating.conversationId(), rating.messageId(), rating.helpful())))
                .then();
    }

    private Mono<Void> rateConversation(VisitorConnection connection, VisitorFrames.RateConversation rate) {
        return survey.rate(connection.conversationId(), connection.visitorId(), rate.score(), rate.comment())
                .doOnNext(rating -> connection.outbox().send(new OutboundFrame.ConversationRated(rating.conversationId(),
                        rating.score(), rating.comment().orElse(null))))
                .then();
    }

    private Mono<Void> leaveMessage(VisitorConnection connection, VisitorFrames.LeaveMessage leave) {
        return engine.leaveMessage(connection.conversationId(), connection.visitorId(), leave.text(), leave.contact()).then();
    }

    private Mono<Void> hello(VisitorConnection connection, InboundFrame frame) {
        VisitorFrames.Hello hello = VisitorFrames.Hello.read(frame);
        tokens.check(hello.visitorId(), hello.visitorToken(), hello.conversationId().isPresent());
        connection.told(hello.browser());
        return open(connection, hello.visitorId(), hello.conversationId(), hello.language(), hello.lastSeenId());
    }

    /**
     * Follows the conversation before reading its transcript, so that no message falls between the two;
     * messages pushed twice are dropped by id.
     */
    private Mono<Void> open(VisitorConnection connection, String visitorId, Optional<String> conversationId,
                            Optional<String> languageHint, long lastSeenId) {
        Mono<Void> mayStart = limits.newConversation(visitorId, connection.address())
                .flatMap(admission -> admission.admitted() ? Mono.empty()
                        : Mono.error(new RateLimitedException("new conversations", admission.retryAfter(), Optional.empty(), Optional.empty())));
        return engine.open(visitorId, conversationId, languageHint, mayStart).flatMap(opened -> {
            Conversation conversation = opened.conversation();
            connection.follow(visitorId, conversation, languageHint, lastSeenId);
            VisitorContext browser = connection.browser();
            Mono<Void> remembered = browser.isEmpty() ? Mono.empty() : contexts.remember(conversation.id(), browser);
            // A conversation started just now has no transcript yet: anything added from here on is pushed.
            Mono<List<Message>> transcript = opened.resumed()
                    ? conversations.transcript(conversation.id(), lastSeenId).filter(Message::reachesVisitor).collectList()
                    : Mono.just(List.of());
            return remembered.then(Mono.zip(transcript, standing(conversation), survey.asks(conversation))
                    .doOnNext(loaded -> {
                        Standing standing = loaded.getT2();
                        OutboundFrame welcome = new OutboundFrame.VisitorWelcome(visitorId, tokens.issue(visitorId), conversation.id(),
                                conversation.state().name(), conversation.language().orElse(null), opened.resumed(),
                                MessageView.of(loaded.getT1()), QueueView.of(standing.queue()),
                                conversation.agent().map(a -> a.displayName()).orElse(null), standing.agentsOnline(),
                                loaded.getT3(), OutboundFrame.closedUntilText(engine.closedUntil(conversation)));
                        connection.sendMessagesAnd(frames, welcome, loaded.getT1(), standing.queue(), standing.agentsOnline());
                    }))
                    .then(privacy.offerNotice(connection, conversation, languageHint));
        });
    }

    private Mono<Void> push(VisitorConnection connection, ConversationEvent event) {
        if (event instanceof ConversationEvent.MessageAdded added) {
            connection.sendMessage(frames, added.message());
            return Mono.empty();
        }
        if (event instanceof ConversationEvent.Typing typing && typing.who() == Sender.AGENT) {
            connection.outbox().send(new OutboundFrame.Typing(null, "agent"));
            return Mono.empty();
        }
        if (event instanceof ConversationEvent.StateChanged changed) {
            connection.stateChanged(changed.conversation());
            return sendState(connection, changed.conversation());
        }
        return Mono.empty();
    }

    /** The state frame, with whether anyone is online: the widget's header says so whatever the state. */
    private Mono<Void> sendState(VisitorConnection connection, Conversation conversation) {
        return standing(conversation)
                .doOnNext(standing -> connection.sendState(
                        OutboundFrame.VisitorState.of(conversation, standing.queue(), standing.agentsOnline(), engine.closedUntil(conversation)), standing.queue(),
                        standing.agentsOnline()))
                .then();
    }

    /** Where the visitor stands: their place in the queue when waiting, and how many agents are online. */
    private record Standing(Optional<QueueStatus> queue, int agentsOnline) {
    }

    /**
     * A waiting visitor's queue status already counts the agents online, so they are read again only otherwise. Only
     * a waiting conversation's place is looked for: finding that another is in no queue reads the whole queue.
     */
    private Mono<Standing> standing(Conversation conversation) {
        Mono<QueueStatus> queued = conversation.state() == ConversationState.WAITING_FOR_AGENT
                ? engine.queueStatus(conversation.id()) : Mono.empty();
        return queued
                .map(status -> new Standing(Optional.of(status), status.agentsOnline()))
                .switchIfEmpty(Mono.defer(() -> engine.agentsOnline().map(online -> new Standing(Optional.empty(), online))));
    }
}
