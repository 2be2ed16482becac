package dev.baton.app.wire;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * How frames go in and out of every socket, visitor's or agent's, so that both channels bound the same
 * buffers and refuse the same bad input. In: each text frame is decoded as strict UTF-8, parsed, admitted or
 * refused as {@code busy}, and handed to the channel one at a time, in order; a frame that cannot be parsed is
 * answered with an {@code error} at once and the socket stays open. Out: frames wait in a bounded
 * {@link FrameOutbox}; a client that falls too far behind is closed with {@link #TOO_FAR_BEHIND}.
 */
public final class SocketPipeline {

    /** A client that stopped reading: it should reconnect and catch up from its last message id. */
    public static final CloseStatus TOO_FAR_BEHIND = new CloseStatus(4008, "too far behind");

    private final ObjectMapper mapper;
    private final OutboundFrames frames;
    private final SocketLimits limits;
    private final MessageAdmission admission;
    private final Runnable closedTooFarBehind;

    /** @param closedTooFarBehind told each time a socket is closed for falling too far behind */
    public SocketPipeline(ObjectMapper mapper, OutboundFrames frames, SocketLimits limits, MessageAdmission admission,
                          Runnable closedTooFarBehind) {
        this.mapper = mapper;
        this.frames = frames;
        this.limits = limits;
        this.admission = admission;
        this.closedTooFarBehind = closedTooFarBehind;
    }

    /** The socket's outbox, which closes the socket when the client falls too far behind. */
    public FrameOutbox outbox(WebSocketSession session) {
        return new FrameOutbox(frames, limits.maxUnsentFrames(), () -> closeTooFarBehind(session));
    }

    /** Closes the socket of a client that cannot keep up; anything still queued for it is dropped. */
    public Mono<Void> closeTooFarBehind(WebSocketSession session) {
        closedTooFarBehind.run();
        Mono<Void> closing = session.close(TOO_FAR_BEHIND).onErrorComplete().cache();
        closing.subscribe();
        return closing;
    }

    /** Sends what the outbox holds until it is closed. */
    public Mono<Void> write(WebSocketSession session, FrameOutbox outbox) {
        return session.send(outbox.frames().map(session::textMessage));
    }

    /**
     * Reads the client's frames, handing each to {@code handler} once the previous one is handled; the
     * handler's failures are answered with an {@code error} frame. Completes when the client is gone.
     */
    public Mono<Void> read(WebSocketSession session, FrameOutbox outbox, Function<InboundFrame, Mono<Void>> handler) {
        Sinks.Many<Admitted> admitted = Sinks.many().unicast().onBackpressureBuffer();
        Intake intake = new Intake(session, outbox, admitted, admission.forConnection());
        // Reads as long as the client reads its answers, also while earlier frames are being handled, so that a
        // flood is answered "busy" at once rather than left unread in the socket.
        Mono<Void> reading = session.receive()
                .filter(message -> message.getType() == WebSocketMessage.Type.TEXT || message.getType() == WebSocketMessage.Type.BINARY)
                // Decoded at once: the transport reuses the frame's buffer once this returns.
                .map(message -> strictUtf8(message.getPayload()))
                .concatMap(text -> outbox.room().then(Mono.fromRunnable(() -> intake.take(text))), 1)
                .doFinally(signal -> admitted.tryEmitComplete())
                .then();
        Mono<Void> handling = admitted.asFlux()
                .concatMap(next -> Mono.defer(() -> handler.apply(next.frame()))
                        .onErrorResume(failure -> {
                            outbox.send(frames.error(failure, Optional.empty()));
                            return Mono.empty();
                        })
                        .doFinally(signal -> intake.handled(next)))
                // Frames still queued when the socket goes give their permits back too.
                .doOnDiscard(Admitted.class, intake::handled)
                .then();
        return Mono.when(reading, handling);
    }

    private record Admitted(InboundFrame frame, Optional<MessageAdmission.Permit> permit) {
    }

    /** One socket's frames on their way in; taken one at a time. */
    private final class Intake {

        private final WebSocketSession session;
        private final FrameOutbox outbox;
        private final Sinks.Many<Admitted> admitted;
        private final MessageAdmission.Connection messages;
        private final AtomicInteger queued = new AtomicInteger();
        private boolean refused;

        Intake(WebSocketSession session, FrameOutbox outbox, Sinks.Many<Admitted> admitted, MessageAdmission.Connection messages) {
            this.session = session;
            this.outbox = outbox;
            this.admitted = admitted;
            this.messages = messages;
        }

        void take(Optional<String> text) {
            if (refused) {
                return;
            }
            if (text.isEmpty()) {
                // RFC 6455 §8.1: an endpoint that finds a text frame is not UTF-8 must fail the connection.
                refused = true;
                session.close(CloseStatus.BAD_DATA).onErrorComplete().subscribe();
                return;
            }
            InboundFrame frame;
            try {
                frame = InboundFrame.parse(mapper, text.get());
                frame.type();
            } catch (ProtocolException unreadable) {
                outbox.send(frames.error(unreadable, Optional.empty()));
                return;
            }
            if (queued.get() >= limits.maxQueuedFrames()) {
                outbox.send(busy(frame));
                return;
            }
            Optional<MessageAdmission.Permit> permit = Optional.empty();
            if ("message".equals(frame.type())) {
                permit = messages.tryAdmit();
                if (permit.isEmpty()) {
                    outbox.send(busy(frame));
                    return;
                }
            }
            queued.incrementAndGet();
            admitted.tryEmitNext(new Admitted(frame, permit));
        }

        void handled(Admitted frame) {
            queued.decrementAndGet();
            frame.permit().ifPresent(MessageAdmission.Permit::release);
        }

        private OutboundFrame busy(InboundFrame frame) {
            return frames.busy(admission.retryWait(), frame.lenientText("conversationId"), frame.lenientText("clientMessageId"));
        }
    }

    private static Optional<String> strictUtf8(DataBuffer payload) {
        byte[] bytes = new byte[payload.readableByteCount()];
        payload.read(bytes);
        try {
            // A new decoder reports malformed input, where String's constructor would put U+FFFD in its place.
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
