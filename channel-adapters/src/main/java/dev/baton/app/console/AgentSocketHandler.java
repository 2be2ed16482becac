package dev.baton.app.console;

import dev.baton.app.wire.ConversationFeeds;
import dev.baton.app.wire.FrameOutbox;
import dev.baton.app.wire.InboundFrame;
import dev.baton.app.wire.OpenSockets;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.app.wire.ProtocolException;
import dev.baton.app.wire.SocketPipeline;
import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationEvent;
import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;
import dev.baton.engine.AgentDesk;
import dev.baton.handoff.Presence;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agent channel ({@code /ws/agent}): the live console. Only logged-in agents get here (see the security
 * configuration); the live queue, their conversations and every event of a conversation they have open are
 * pushed as they happen.
 */
final class AgentSocketHandler implements WebSocketHandler {

    private static final Set<String> CONVERSATION_ACTIONS = Set.of("open", "accept", "message", "typing", "hand_back", "resolve");

    private final AgentDesk desk;
    private final Presence presence;
    private final ConversationFeeds feeds;
    private final QueueBroadcast queue;
    private final AgentDirectory agents;
    private final SocketPipeline pipeline;
    private final OutboundFrames frames;
    private final OpenSockets openSockets;

    AgentSocketHandler(AgentDesk desk, Presence presence, ConversationFeeds feeds, QueueBroadcast queue,
                       AgentDirectory agents, SocketPipeline pipeline, OutboundFrames frames, OpenSockets openSockets) {
        this.desk = desk;
        this.presence = presence;
        this.feeds = feeds;
        this.queue = queue;
        this.agents = agents;
        this.pipeline = pipeline;
        this.frames = frames;
        this.openSockets = openSockets;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal()
                .map(Principal::getName)
                .map(agents::find)
                .flatMap(agent -> agent.map(a -> serve(session, a)).orElseGet(() -> session.close(CloseStatus.POLICY_VIOLATION)))
                .switchIfEmpty(Mono.defer(() -> session.close(CloseStatus.POLICY_VIOLATION)));
    }

    private Mono<Void> serve(WebSocketSession session, AgentRef agent) {
        FrameOutbox outbox = pipeline.outbox(session);
        OpenConversations open = new OpenConversations();
        Sinks.Empty<Void> closed = Sinks.empty();
        Map<String, Object> welcome = frames.frame("welcome");
        welcome.put("agent", Map.of("username", agent.username(), "name", agent.displayName()));
        outbox.send(welcome);

        Mono<Void> start = presence.connected(agent.username())
                .then(Mono.fromRunnable(() -> queue.join(outbox)))
                .then(sendAssigned(outbox, agent, open));
        Mono<Void> readFrames = pipeline.read(session, outbox, frame -> onFrame(outbox, agent, open, frame))
                .doFinally(signal -> {
                    closed.tryEmitEmpty();
                    queue.leave(outbox);
                    outbox.close();
                    presence.disconnected(agent.username()).subscribe();
                })
                .then();
        Mono<Void> pushEvents = feeds.observeConsole(agent.username(), open.opened())
                .takeUntilOther(closed.asMono())
                .concatMap(event -> push(outbox, agent, open, event).onErrorResume(e -> Mono.empty()))
                .onErrorResume(Exceptions::isOverflow, overflow -> pipeline.closeTooFarBehind(session))
                .then();
        Mono<Void> writeFrames = pipeline.write(session, outbox);
        return openSockets.track(session, outbox, Mono.when(start.then(readFrames), writeFrames, pushEvents));
    }

    private Mono<Void> onFrame(FrameOutbox outbox, AgentRef agent, OpenConversations open, InboundFrame frame) {
        Optional<String> conversationId = Optional.empty();
        try {
            String type = frame.type();
            if ("ping".equals(type)) {
                outbox.send(frames.frame("pong"));
                return Mono.empty();
            }
            if ("left_messages".equals(type)) {
                return sendLeftMessages(outbox);
            }
            if (!CONVERSATION_ACTIONS.contains(type)) {
                throw new ProtocolException("unknown_type", "unknown frame type \"" + type + "\"");
            }
            conversationId = frame.lenientText("conversationId");
            String id = frame.requiredConversationId();
            Mono<Void> action = switch (type) {
                case "open" -> desk.find(id).flatMap(c -> sendConversation(outbox, open, c));
                case "accept" -> desk.accept(id, agent).flatMap(c -> sendConversation(outbox, open, c));
                case "message" -> desk.reply(id, agent, frame.requiredText("text"), frame.optionalId("clientMessageId")).then();
                case "typing" -> desk.typing(id, agent);
                case "hand_back" -> desk.handBack(id, agent).then();
                // The agent hears back even about a conversation they did not open (those they did get the event).
                default -> desk.resolve(id, agent)
                        .doOnNext(resolved -> {
                            if (!open.contains(id)) {
                                outbox.send(frames.state(resolved, Optional.empty()));
                            }
                        })
                        .then();
            };
            Optional<String> failedId = conversationId;
            return action.onErrorResume(failure -> {
                outbox.send(frames.error(failure, failedId));
                return Mono.empty();
            });
        } catch (RuntimeException failure) {
            outbox.send(frames.error(failure, conversationId));
            return Mono.empty();
        }
    }

    private Mono<Void> push(FrameOutbox outbox, AgentRef agent, OpenConversations open, ConversationEvent event) {
        boolean watching = open.contains(event.conversationId());
        if (event instanceof ConversationEvent.MessageAdded added && watching) {
            outbox.sendWritten(frames.messageFrame(added.message()));
        } else if (event instanceof ConversationEvent.Typing typing && watching && typing.who() == Sender.VISITOR) {
            Map<String, Object> frame = frames.frame("typing");
            frame.put("conversationId", typing.conversationId());
            frame.put("from", "visitor");
            outbox.send(frame);
        } else if (event instanceof ConversationEvent.StateChanged changed) {
            if (watching) {
                outbox.send(frames.state(changed.conversation(), Optional.empty()));
            }
            return sendAssigned(outbox, agent, open);
        } else if (event instanceof ConversationEvent.MessageLeft) {
            return sendLeftMessages(outbox);
        } else if (event instanceof ConversationEvent.VisitorPresenceChanged changed) {
            Map<String, Object> frame = frames.frame("visitor_presence");
            frame.put("conversationId", changed.conversationId());
            outbox.send(frames.withVisitor(frame, changed.visitor()));
        }
        return Mono.empty();
    }

    private Mono<Void> sendConversation(FrameOutbox outbox, OpenConversations open, Conversation conversation) {
        open.add(conversation.id());
        return desk.visitors(List.of(conversation.id())).flatMap(seen -> desk.transcript(conversation.id()).collectList()
                .zipWith(desk.history(conversation).concatMap(this::historyEntry).collectList())
                .doOnNext(loaded -> {
                    Map<String, Object> frame = frames.withVisitor(frames.frame("conversation"), seen.get(conversation.id()));
                    frame.put("conversationId", conversation.id());
                    frame.put("state", conversation.state().name());
                    frame.put("agentName", conversation.agent().map(AgentRef::displayName).orElse(null));
                    frame.put("summary", frames.summary(conversation.handoff()));
                    frame.put("transcript", frames.messages(loaded.getT1()));
                    frame.put("history", loaded.getT2());
                    outbox.send(frame);
                }))
                .then();
    }

    /** One earlier conversation as the console lists it: when, how it ended, and what the visitor first said. */
    private Mono<Map<String, Object>> historyEntry(Conversation past) {
        return desk.transcript(past.id()).filter(m -> m.from() == Sender.VISITOR).next()
                .map(Message::text).defaultIfEmpty("")
                .map(first -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("conversationId", past.id());
                    entry.put("state", past.state().name());
                    entry.put("startedAt", past.startedAt().toString());
                    entry.put("firstMessage", first);
                    return entry;
                });
    }

    private Mono<Void> sendAssigned(FrameOutbox outbox, AgentRef agent, OpenConversations open) {
        return sendList(outbox, "assigned", "conversations", withVisitors(desk.assignedTo(agent.username())
                .doOnNext(c -> open.add(c.id()))
                .map(c -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("conversationId", c.id());
                    entry.put("state", c.state().name());
                    entry.put("summary", frames.summary(c.handoff()));
                    return entry;
                })));
    }

    /** Adds to each entry whether its visitor is there, asking the store once for the whole list. */
    private Flux<Map<String, Object>> withVisitors(Flux<Map<String, Object>> entries) {
        return entries.collectList().flatMapMany(list -> desk.visitors(list.stream().map(e -> (String) e.get("conversationId")).toList())
                .flatMapIterable(seen -> list.stream().map(e -> frames.withVisitor(e, seen.get((String) e.get("conversationId")))).toList()));
    }

    private Mono<Void> sendLeftMessages(FrameOutbox outbox) {
        return sendList(outbox, "left_messages", "messages", desk.leftMessages().map(frames::leftMessage));
    }

    /** Sends a frame of {@code type} whose {@code field} holds all of {@code items}. */
    private Mono<Void> sendList(FrameOutbox outbox, String type, String field, Flux<Map<String, Object>> items) {
        return items.collectList()
                .doOnNext(list -> {
                    Map<String, Object> frame = frames.frame(type);
                    frame.put(field, list);
                    outbox.send(frame);
                })
                .then();
    }
}
