package dev.baton.app.console;

import dev.baton.app.audit.Actors;
import dev.baton.app.wire.ConversationFeeds;
import dev.baton.app.wire.FrameOutbox;
import dev.baton.app.wire.FrameParts.AgentView;
import dev.baton.app.wire.FrameParts.AssignedEntry;
import dev.baton.app.wire.FrameParts.CannedResponseView;
import dev.baton.app.wire.FrameParts.CustomerView;
import dev.baton.app.wire.FrameParts.HistoryEntry;
import dev.baton.app.wire.FrameParts.LeftMessageView;
import dev.baton.app.wire.FrameParts.TeamEntry;
import dev.baton.app.wire.FrameParts.TeamMember;
import dev.baton.app.wire.FrameParts.TimersView;
import dev.baton.app.wire.InboundFrame;
import dev.baton.app.wire.OutboundFrame;
import dev.baton.app.wire.OpenSockets;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.app.wire.ProtocolException;
import dev.baton.app.wire.SocketPipeline;
import dev.baton.audit.Actor;
import dev.baton.canned.CannedResponse;
import dev.baton.canned.CannedResponses;
import dev.baton.conversation.AgentRef;
import dev.baton.conversation.Conversation;
import dev.baton.customers.Customer;
import dev.baton.customers.Customers;
import dev.baton.conversation.VisitorContexts;
import dev.baton.satisfaction.SatisfactionRatings;
import dev.baton.events.ConversationEvent;
import dev.baton.conversation.Message;
import dev.baton.conversation.Sender;
import dev.baton.engine.AgentDesk;
import dev.baton.engine.QuotedValue;
import dev.baton.handoff.SuggestedAnswers;
import dev.baton.handoff.UnansweredSince;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The agent channel ({@code /ws/agent}): the live console. Only logged-in agents get here (see the security
 * configuration); the live queue, their conversations and every event of a conversation they have open are
 * pushed as they happen.
 */
final class AgentSocketHandler implements WebSocketHandler {

    /** How a console closes once its agent signed out, on whichever node (see docs/protocol.md). */
    static final CloseStatus SIGNED_OUT = new CloseStatus(4001, "signed out");

    private static final Logger log = LoggerFactory.getLogger(AgentSocketHandler.class);
    private static final Set<String> CANNED_ACTIONS = Set.of("canned_responses", "save_canned", "delete_canned");
    private static final Comparator<CannedResponse> CANNED_ORDER = Comparator.comparing(CannedResponse::shortcut)
            .thenComparing(CannedResponse::language).thenComparing(CannedResponse::scope, Comparator.reverseOrder());
    private static final Set<String> CONVERSATION_ACTIONS = Set.of("open", "accept", "message", "note", "typing", "transfer", "hand_back", "resolve",
            "link_customer", "unlink_customer");

    private final AgentDesk desk;
    private final ConversationFeeds feeds;
    private final QueueBroadcast queue;
    private final AgentDirectory agents;
    private final SocketPipeline pipeline;
    private final OutboundFrames frames;
    private final OpenSockets openSockets;
    private final SuggestedAnswers suggestions;
    private final CannedResponses canned;
    private final LeftMessageActions leftMessageActions;
    private final TimersView timers;
    private final VisitorContexts contexts;
    private final SatisfactionRatings ratings;
    private final ConsoleAudit audit;
    private final Customers customers;

    AgentSocketHandler(AgentDesk desk, ConversationFeeds feeds, QueueBroadcast queue, AgentDirectory agents,
                       SocketPipeline pipeline, OutboundFrames frames, OpenSockets openSockets, SuggestedAnswers suggestions,
                       CannedResponses canned, LeftMessageActions leftMessageActions, TimersView timers, VisitorContexts contexts,
                       SatisfactionRatings ratings, ConsoleAudit audit, Customers customers) {
        this.customers = customers;
        this.leftMessageActions = leftMessageActions;
        this.timers = timers;
        this.contexts = contexts;
        this.ratings = ratings;
        this.audit = audit;
        this.suggestions = suggestions;
        this.canned = canned;
        this.desk = desk;
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
                .flatMap(user -> agents.find(user.getName()).flatMap(agent -> Mono.zip(desk.teamsOf(agent.username()), desk.seesEveryTeam(agent))
                                .flatMap(teams -> serve(session, agent, teams.getT1(), teams.getT2(), AgentDirectory.isSupervisor(user))))
                        .switchIfEmpty(Mono.defer(() -> session.close(CloseStatus.POLICY_VIOLATION))))
                .switchIfEmpty(Mono.defer(() -> session.close(CloseStatus.POLICY_VIOLATION)));
    }

    /**
     * @param teamNames the teams the agent is in, read as they connect: a change shows from their next connection
     * @param everyTeam whether they see every team's queue (a supervisor, or no teams configured), read alike
     */
    private Mono<Void> serve(WebSocketSession session, AgentRef agent, Set<String> teamNames, boolean everyTeam, boolean supervisor) {
        FrameOutbox outbox = pipeline.outbox(session);
        Actor actor = Actors.of(agent.username(), session.getHandshakeInfo().getRemoteAddress());
        OpenConversations open = new OpenConversations();
        Sinks.Empty<Void> closed = Sinks.empty();
        outbox.send(new OutboundFrame.AgentWelcome(new AgentView(agent.username(), agent.displayName()), timers,
                desk.teams().all().stream().map(team -> TeamEntry.of(team, teamNames.contains(team.name()), timers)).toList()));

        Mono<Void> start = sendStatus(outbox, agent)
                .then(Mono.fromRunnable(() -> {
                    if (everyTeam) {
                        queue.joinWholeQueue(outbox);
                    } else {
                        queue.join(outbox, teamNames);
                    }
                }))
                .then(sendAssigned(outbox, agent, open))
                .then(sendCanned(outbox, agent, supervisor));
        // When the reading stops, and also when the socket ends before its reading began (closed while starting).
        Runnable ended = () -> {
            closed.tryEmitEmpty();
            queue.leave(outbox);
            outbox.close();
        };
        Mono<Void> readFrames = pipeline.read(session, outbox, frame -> onFrame(outbox, agent, supervisor, actor, open, frame))
                .doFinally(signal -> ended.run())
                .then();
        Mono<Void> pushEvents = feeds.observeConsole(agent.username(), open.opened())
                .takeUntilOther(closed.asMono())
                .concatMap(event -> event instanceof ConversationEvent.AgentSignedOut
                        ? session.close(SIGNED_OUT).onErrorComplete()
                        : push(outbox, agent, open, event).onErrorResume(e -> Mono.empty()))
                .onErrorResume(Exceptions::isOverflow, overflow -> pipeline.closeTooFarBehind(session))
                .then();
        Mono<Void> writeFrames = pipeline.write(session, outbox);
        Mono<Void> served = Mono.when(start.then(readFrames), writeFrames, pushEvents).doFinally(signal -> ended.run());
        return openSockets.track(OpenSockets.Kind.AGENT, session, outbox, whileOnline(agent.username(), served));
    }

    /**
     * The agent counts as online while {@code served} runs, and stops counting however it ends. Tied to the whole
     * socket, not to its reading: a console closed while it was still starting ended in a cancel before its reading
     * began, its agent was never counted out, and visitors on every node went on seeing them online.
     */
    private Mono<Void> whileOnline(String agentUsername, Mono<Void> served) {
        Mono<Void> gone = desk.consoleDisconnected(agentUsername).onErrorResume(e -> {
            log.warn("Could not record that {}'s console closed; their presence lapses after the grace period: {}", agentUsername, e.toString());
            return Mono.empty();
        });
        return Mono.usingWhen(desk.consoleConnected(agentUsername).thenReturn(agentUsername),
                counted -> served, counted -> gone, (counted, error) -> gone, counted -> gone);
    }

    private Mono<Void> onFrame(FrameOutbox outbox, AgentRef agent, boolean supervisor, Actor actor, OpenConversations open,
                               InboundFrame frame) {
        Optional<String> conversationId = Optional.empty();
        try {
            String type = frame.type();
            if ("ping".equals(type)) {
                outbox.send(new OutboundFrame.Pong());
                return Mono.empty();
            }
            if ("left_messages".equals(type)) {
                return sendLeftMessages(outbox);
            }
            if (LeftMessageActions.TYPES.contains(type)) {
                return leftMessageActions.on(agent, frame).onErrorResume(failure -> {
                    outbox.send(frames.error(failure, Optional.empty()));
                    return Mono.empty();
                });
            }
            if (CANNED_ACTIONS.contains(type)) {
                return onCannedFrame(outbox, agent, supervisor, frame).then(audit.done(actor, frame)).onErrorResume(failure -> {
                    outbox.send(frames.error(failure, Optional.empty()));
                    return Mono.empty();
                });
            }
            if ("team".equals(type)) {
                return sendTeam(outbox);
            }
            if ("set_status".equals(type)) {
                return desk.setAway(agent.username(), AgentFrames.SetStatus.read(frame).away())
                        .onErrorResume(failure -> {
                            outbox.send(frames.error(failure, Optional.empty()));
                            return Mono.empty();
                        });
            }
            if (!CONVERSATION_ACTIONS.contains(type)) {
                throw new ProtocolException("unknown_type", "unknown frame type " + QuotedValue.of(type));
            }
            conversationId = frame.lenientText("conversationId");
            String id = frame.requiredConversationId();
            Mono<Void> action = switch (type) {
                case "open" -> desk.find(id).flatMap(c -> sendConversation(outbox, open, c));
                case "accept" -> desk.accept(id, agent).flatMap(c -> sendConversation(outbox, open, c));
                case "message" -> reply(agent, AgentFrames.Reply.read(frame));
                case "note" -> note(agent, open, AgentFrames.Note.read(frame));
                case "transfer" -> transfer(agent, AgentFrames.Transfer.read(frame));
                case "typing" -> desk.typing(id, agent);
                case "hand_back" -> desk.handBack(id, agent).then();
                // Audited by the customers themselves, who know which customer it became.
                case "link_customer" -> Mono.fromCallable(() -> AgentFrames.LinkCustomer.read(frame))
                        .flatMap(link -> customers.link(id, link.target(), actor))
                        .map(Optional::of)
                        .flatMap(customer -> sendCustomer(outbox, id, customer));
                case "unlink_customer" -> Mono.fromCallable(() -> frame.requiredText("visitorId"))
                        .flatMap(visitorId -> customers.unlink(id, visitorId, actor)
                                .map(Optional::of).defaultIfEmpty(Optional.empty()))
                        .flatMap(customer -> sendCustomer(outbox, id, customer));
                // The agent hears back even about a conversation they did not open (those they did get the event).
                default -> desk.resolve(id, agent)
                        .doOnNext(resolved -> {
                            if (!open.contains(id)) {
                                outbox.send(OutboundFrame.AgentState.of(resolved));
                            }
                        })
                        .then();
            };
            Optional<String> failedId = conversationId;
            return action.then(audit.done(actor, frame)).onErrorResume(failure -> {
                outbox.send(frames.error(failure, failedId));
                return Mono.empty();
            });
        } catch (RuntimeException failure) {
            outbox.send(frames.error(failure, conversationId));
            return Mono.empty();
        }
    }

    /** Lists, saves or deletes canned responses; every change is answered with the agent's list as it is now. */
    private Mono<Void> onCannedFrame(FrameOutbox outbox, AgentRef agent, boolean supervisor, InboundFrame frame) {
        Mono<?> change = switch (frame.type()) {
            case "save_canned" -> Mono.fromCallable(() -> AgentFrames.SaveCanned.read(frame).by(agent.username()))
                    .flatMap(response -> mayChange(supervisor, response.scope()).then(canned.save(response)));
            case "delete_canned" -> Mono.fromCallable(() -> AgentFrames.DeleteCanned.read(frame).by(agent.username()))
                    .flatMap(key -> mayChange(supervisor, key.scope()).then(canned.delete(key)));
            default -> Mono.empty();
        };
        return change.then(sendCanned(outbox, agent, supervisor));
    }

    private Mono<Void> mayChange(boolean supervisor, CannedResponse.Scope scope) {
        return scope == CannedResponse.Scope.SHARED && !supervisor
                ? Mono.error(new ProtocolException("not_allowed", "only supervisors change the shared canned responses"))
                : Mono.empty();
    }

    private Mono<Void> sendCanned(FrameOutbox outbox, AgentRef agent, boolean supervisor) {
        return canned.availableTo(agent.username()).sort(CANNED_ORDER).map(CannedResponseView::of).collectList()
                .doOnNext(list -> outbox.send(new OutboundFrame.CannedResponses(list, supervisor)))
                .then();
    }

    private Mono<Void> reply(AgentRef agent, AgentFrames.Reply reply) {
        return desk.reply(reply.conversationId(), agent, reply.text(), reply.clientMessageId()).then();
    }

    /** The console that notes a conversation follows it, so its own note comes back like everyone else's. */
    private Mono<Void> note(AgentRef agent, OpenConversations open, AgentFrames.Note note) {
        open.add(note.conversationId());
        return desk.note(note.conversationId(), agent, note.text(), note.clientMessageId()).then();
    }

    private Mono<Void> transfer(AgentRef agent, AgentFrames.Transfer transfer) {
        return transfer.team()
                .map(team -> desk.transferToTeam(transfer.conversationId(), agent, team, transfer.note()))
                .orElseGet(() -> desk.transfer(transfer.conversationId(), agent, transfer.to().orElseThrow(), transfer.note()))
                .then();
    }

    private Mono<Void> push(FrameOutbox outbox, AgentRef agent, OpenConversations open, ConversationEvent event) {
        boolean watching = open.contains(event.conversationId());
        if (event instanceof ConversationEvent.MessageAdded added && watching) {
            outbox.send(OutboundFrame.MessageFrame.of(added.message()));
        } else if (event instanceof ConversationEvent.Typing typing && watching && typing.who() == Sender.VISITOR) {
            outbox.send(new OutboundFrame.Typing(typing.conversationId(), "visitor"));
        } else if (event instanceof ConversationEvent.StateChanged changed) {
            if (watching) {
                outbox.send(OutboundFrame.AgentState.of(changed.conversation()));
            }
            return sendAssigned(outbox, agent, open);
        } else if (event instanceof ConversationEvent.AutoAssigned assigned) {
            // Opened as if the agent had accepted it, after a notice that Baton chose them.
            outbox.send(new OutboundFrame.Assignment(assigned.conversationId()));
            return desk.find(assigned.conversationId()).flatMap(c -> sendConversation(outbox, open, c));
        } else if (event instanceof ConversationEvent.AgentPresenceChanged) {
            // The agent went away or came back, on this console or another: every console of theirs shows it.
            return sendStatus(outbox, agent);
        } else if (event instanceof ConversationEvent.MessageLeft) {
            return sendLeftMessages(outbox);
        } else if (event instanceof ConversationEvent.VisitorPresenceChanged changed) {
            outbox.send(OutboundFrame.VisitorPresence.of(changed.conversationId(), changed.visitor()));
        }
        return Mono.empty();
    }

    private Mono<Void> sendConversation(FrameOutbox outbox, OpenConversations open, Conversation conversation) {
        open.add(conversation.id());
        return desk.visitors(List.of(conversation.id())).flatMap(seen -> Mono.zip(desk.transcript(conversation.id()).collectList(),
                        history(conversation),
                        contexts.of(conversation.id()).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        customers.of(conversation.visitorId()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .doOnNext(loaded -> outbox.send(OutboundFrame.ConversationFrame.of(conversation, loaded.getT1(), loaded.getT2(),
                        seen.get(conversation.id()), suggestions.of(conversation), loaded.getT3(), loaded.getT4()))))
                .then();
    }

    /** After a link or an unlink: the customer as it is now, and the history that goes with it. */
    private Mono<Void> sendCustomer(FrameOutbox outbox, String conversationId, Optional<Customer> customer) {
        return desk.find(conversationId).flatMap(this::history)
                .doOnNext(history -> outbox.send(new OutboundFrame.CustomerFrame(conversationId,
                        customer.map(CustomerView::of).orElse(null), history)))
                .then();
    }

    /** The customer's earlier conversations, on every channel they are linked on. */
    private Mono<List<HistoryEntry>> history(Conversation conversation) {
        return customers.history(conversation).concatMap(this::historyEntry).collectList();
    }

    /** One earlier conversation as the console lists it: when, how it ended, what the visitor first said, their rating. */
    private Mono<HistoryEntry> historyEntry(Conversation past) {
        return desk.transcript(past.id()).filter(m -> m.from() == Sender.VISITOR).next()
                .map(Message::text).defaultIfEmpty("")
                .zipWith(ratings.of(past.id()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(loaded -> HistoryEntry.of(past, loaded.getT1(), loaded.getT2()));
    }

    /**
     * The agent's conversations, each with whether its visitor is there (the store is asked once for the whole list)
     * and since when the visitor waits for an answer (from each transcript: an agent has a handful of conversations).
     */
    private Mono<Void> sendAssigned(FrameOutbox outbox, AgentRef agent, OpenConversations open) {
        return desk.assignedTo(agent.username())
                .doOnNext(c -> open.add(c.id()))
                .concatMap(c -> desk.transcript(c.id()).collectList().map(transcript -> new Unanswered(c, UnansweredSince.in(c, transcript))))
                .collectList()
                .flatMap(assigned -> desk.visitors(assigned.stream().map(a -> a.conversation().id()).toList())
                        .doOnNext(seen -> outbox.send(new OutboundFrame.Assigned(assigned.stream()
                                .map(a -> AssignedEntry.of(a.conversation(), seen.get(a.conversation().id()), a.since())).toList()))))
                .then();
    }

    private record Unanswered(Conversation conversation, Optional<Instant> since) {
    }

    private Mono<Void> sendStatus(FrameOutbox outbox, AgentRef agent) {
        return desk.availability(agent.username())
                .doOnNext(availability -> outbox.send(OutboundFrame.AgentStatus.of(availability)))
                .then();
    }

    private Mono<Void> sendTeam(FrameOutbox outbox) {
        return desk.team()
                .doOnNext(team -> outbox.send(new OutboundFrame.Team(team.stream().map(TeamMember::of).toList())))
                .then();
    }

    private Mono<Void> sendLeftMessages(FrameOutbox outbox) {
        return desk.leftMessages().map(LeftMessageView::of).collectList()
                .doOnNext(messages -> outbox.send(new OutboundFrame.LeftMessages(messages)))
                .then();
    }
}
