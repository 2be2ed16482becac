package dev.baton.inbox;

import dev.baton.conversation.BotDecision;
import dev.baton.conversation.HandoffReason;
import dev.baton.nlu.Classification;
import dev.baton.privacy.PersonalDataRedactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Puts the messages the bot did not handle well into the trainer's inbox without the visitor's turn ever waiting for
 * it or failing because of it: an entry is handed over at once and stored later, from a bounded buffer; when the
 * buffer is full the entry is dropped, and a store that fails loses only that entry. Both are counted and logged.
 * Redacting and reading the words happen after the hand-over, off the turn.
 */
public final class InboxRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InboxRecorder.class);
    private static final int GUESSES = 3;
    /** Entries stored at once: enough to keep up with a busy node, few enough not to crowd the store. */
    private static final int CONCURRENCY = 4;

    private final PersonalDataRedactor redactor;
    private final Clock clock;
    private final double lowMargin;
    private final AtomicReference<FluxSink<Supplier<InboxEntry>>> sink = new AtomicReference<>();
    private final Disposable storing;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param lowMargin an answer leading the runner-up by less than this lands in the inbox
     * @param buffer    entries waiting to be stored at most; beyond, new ones are dropped
     */
    public InboxRecorder(TrainerInbox inbox, PersonalDataRedactor redactor, Clock clock, double lowMargin, int buffer) {
        if (buffer < 1) {
            throw new IllegalArgumentException("the inbox's buffer must hold at least one entry: " + buffer);
        }
        this.redactor = redactor;
        this.clock = clock;
        this.lowMargin = lowMargin;
        // The sink is serialised (any thread may hand over); the buffer after it holds what the store has not taken.
        this.storing = Flux.<Supplier<InboxEntry>>create(sink::set, FluxSink.OverflowStrategy.IGNORE)
                .onBackpressureBuffer(buffer, entry -> countDropped(), BufferOverflowStrategy.DROP_LATEST)
                .flatMap(entry -> Mono.fromSupplier(entry).flatMap(inbox::add)
                        .doOnSuccess(stored -> recorded.incrementAndGet())
                        .onErrorResume(failure -> {
                            failed.incrementAndGet();
                            log.warn("a message could not be put in the trainer's inbox: {}", failure.toString());
                            return Mono.empty();
                        }), CONCURRENCY)
                .subscribe();
    }

    /** The bot's turn on a visitor's typed message: it lands in the inbox if the bot did not handle it well. */
    public void afterTurn(String conversationId, String text, String language, Classification classification,
                          BotDecision decision, Optional<HandoffReason> handoff) {
        InboxReason.of(decision, handoff, lowMargin).ifPresent(reason -> handOver(() -> InboxEntry.of(redactor.redactAll(text),
                language, classification.top(GUESSES).stream().map(s -> new IntentGuess(s.intent(), s.confidence())).toList(),
                reason, conversationId, clock.instant())));
    }

    /** The visitor marked the bot's answer to {@code text} as not helpful. */
    public void unhelpful(String conversationId, String text, String language, BotDecision answer) {
        List<IntentGuess> guesses = answer.intent()
                .map(intent -> List.of(new IntentGuess(intent, answer.confidence().orElse(0))))
                .orElse(List.of());
        handOver(() -> InboxEntry.of(redactor.redactAll(text), language, guesses, InboxReason.UNHELPFUL, conversationId,
                clock.instant()));
    }

    private void handOver(Supplier<InboxEntry> entry) {
        FluxSink<Supplier<InboxEntry>> target = sink.get();
        if (target == null || storing.isDisposed()) {
            countDropped();
            return;
        }
        target.next(entry);
    }

    private void countDropped() {
        // Logged at the first drop and then every thousandth, so that a flood does not flood the log as well.
        if (dropped.getAndIncrement() % 1000 == 0) {
            log.warn("the trainer's inbox is behind: messages are not being put in it ({} so far)", dropped.get());
        }
    }

    /** Entries stored in the inbox. */
    public long recorded() {
        return recorded.get();
    }

    /** Entries dropped because the buffer was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Entries the store failed to take. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        storing.dispose();
    }
}
