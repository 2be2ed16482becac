package dev.baton.app.console;

import dev.baton.app.audit.Actors;
import dev.baton.app.wire.ConversationFeeds;
import dev.baton.app.wire.FrameOutbox;
import dev.baton.app.wire.FrameParts.AgentView;
import dev.baton.app.wire.FrameParts.SupervisedAgent;
import dev.baton.app.wire.FrameParts.TeamView;
import dev.baton.app.wire.InboundFrame;
import dev.baton.app.wire.OpenSockets;
import dev.baton.app.wire.OutboundFrame;
import dev.baton.app.wire.OutboundFrames;
import dev.baton.app.wire.ProtocolException;
import dev.baton.app.wire.SocketPipeline;
import dev.baton.audit.Actor;
import dev.baton.conversation.AgentRef;
import dev.baton.engine.AgentDesk;
import dev.baton.handoff.AgentRoster;
import dev.baton.handoff.Team;
import dev.baton.engine.QuotedValue;
import dev.baton.events.ConversationEvent;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The supervisor's live view ({@code /ws/supervisor}): the agents with their status, load and conversations, the
 * queue as every console sees it (the same {@link QueueBroadcast} frames), and the supervisor's reassign and take
 * over. Watching is not working: unlike a console, this socket does not count its supervisor as online.
 */
final class SupervisorSocketHandler implements WebSocketHandler {

    /** Without teams, everyone is in one. */
    static final String EVERYONE = "everyone";

    private final AgentDesk desk;
    private final ConversationFeeds feeds;
    private final QueueBroadcast queue;
    private final AgentDirectory agents;
    private final SocketPipeline pipeline;
    private final OutboundFrames frames;
    private final OpenSockets openSockets;
    private final Duration waitAmber;
    private final Duration waitRed;
    private final ConsoleAudit audit;

    SupervisorSocketHandler(AgentDesk desk, ConversationFeeds feeds, QueueBroadcast queue, AgentDirectory agents,
                            SocketPipeline pipeline, OutboundFrames frames, OpenSockets openSockets, Duration waitAmber,
                            Duration waitRed, ConsoleAudit audit) {
        this.audit = audit;
        this.desk = desk;
        this.feeds = feeds;
        this.queue = queue;
        this.agents = agents;
        this.pipeline = pipeline;
        this.frames = frames;
        this.openSockets = openSockets;
        this.waitAmber = waitAmber;
        this.waitRed = waitRed;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal()
                .filter(AgentDirectory::isSupervisor)
                .flatMap(user -> agents.find(user.getName()))
                .flatMap(supervisor -> serve(session, supervisor))
                .switchIfEmpty(Mono.defer(() -> session.close(CloseStatus.POLICY_VIOLATION)));
    }

    private Mono<Void> serve(WebSocketSession session, AgentRef supervisor) {
        FrameOutbox outbox = pipeline.outbox(session);
        Actor actor = Actors.of(supervisor.username(), session.getHandshakeInfo().getRemoteAddress());
        Sinks.Empty<Void> closed = Sinks.empty();
        outbox.send(new OutboundFrame.SupervisorWelcome(new AgentView(supervisor.username(), supervisor.displayName()),
                waitAmber.toMillis(), waitRed.toMillis()));

        Mono<Void> start = Mono.fromRunnable(() -> queue.joinWholeQueue(outbox));
        Mono<Void> readFrames = pipeline.read(session, outbox, frame -> onFrame(outbox, supervisor, actor, frame))
                .doFinally(signal -> {
                    closed.tryEmitEmpty();
                    queue.leave(outbox);
                    outbox.close();
                })
                .then();
        Flux<ConversationEvent> events = feeds.observeTeam().takeUntilOther(closed.asMono()).share();
        Mono<Void> closeOnSignOut = events
                .filter(event -> event instanceof ConversationEvent.AgentSignedOut signedOut
                        && signedOut.agentUsername().equals(supervisor.username()))
                .next()
                .flatMap(signedOut -> session.close(AgentSocketHandler.SIGNED_OUT).onErrorComplete());
        // However many changes come while the view is read, one more read follows them. The changes are listened to
        // before the first read (merge subscribes in order; concat listened only once that read was done, and an
        // accept that fell between the two never reached the view).
        Mono<Void> pushTeam = Flux.merge(events.map(change -> Boolean.TRUE), Mono.just(Boolean.TRUE))
                .onBackpressureLatest()
                .concatMap(change -> sendSupervision(outbox).onErrorResume(e -> Mono.empty()), 0)
                .onErrorResume(Exceptions::isOverflow, overflow -> pipeline.closeTooFarBehind(session))
                .then();
        Mono<Void> writeFrames = pipeline.write(session, outbox);
        return openSockets.track(OpenSockets.Kind.SUPERVISOR, session, outbox,
                Mono.when(start.then(readFrames), writeFrames, pushTeam, closeOnSignOut));
    }

    private Mono<Void> onFrame(FrameOutbox outbox, AgentRef supervisor, Actor actor, InboundFrame frame) {
        Optional<String> conversationId = Optional.empty();
        try {
            String type = frame.type();
            if ("ping".equals(type)) {
                outbox.send(new OutboundFrame.Pong());
                return Mono.empty();
            }
            conversationId = frame.lenientText("conversationId");
            Mono<?> action = switch (type) {
                case "reassign" -> desk.reassign(frame.requiredConversationId(), supervisor, frame.requiredText("to"),
                        frame.optionalText("note"));
                case "take_over" -> desk.takeOver(frame.requiredConversationId(), supervisor);
                default -> throw new ProtocolException("unknown_type", "unknown frame type " + QuotedValue.of(type));
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

    /**
     * Every team as it is now: the desk's view of each of its agents, with the conversations each has (an agent in
     * two teams is in both); without teams, one team of everyone.
     */
    private Mono<Void> sendSupervision(FrameOutbox outbox) {
        return desk.team()
                .flatMapMany(Flux::fromIterable)
                .concatMap(agent -> desk.assignedTo(agent.member().username()).collectList()
                        .map(conversations -> new Supervised(agent.member(), SupervisedAgent.of(agent, conversations))))
                .collectList()
                .doOnNext(everyone -> outbox.send(new OutboundFrame.Supervision(teams(everyone))))
                .then();
    }

    /** An agent as shown, with what says which teams they are in. */
    private record Supervised(AgentRoster.Member member, SupervisedAgent shown) {
    }

    private List<TeamView> teams(List<Supervised> everyone) {
        if (!desk.teams().configured()) {
            return List.of(new TeamView(EVERYONE, List.of(), Team.AssignmentMode.PULL.name().toLowerCase(Locale.ROOT),
                    waitAmber.toMillis(), waitRed.toMillis(), everyone.stream().map(Supervised::shown).toList()));
        }
        return desk.teams().all().stream()
                .map(team -> new TeamView(team.name(), team.languages().stream().sorted().toList(),
                        team.mode().name().toLowerCase(Locale.ROOT),
                        team.timers().map(Team.Timers::amber).orElse(waitAmber).toMillis(),
                        team.timers().map(Team.Timers::red).orElse(waitRed).toMillis(),
                        everyone.stream().filter(agent -> desk.teams().isIn(agent.member(), team)).map(Supervised::shown).toList()))
                .toList();
    }
}
