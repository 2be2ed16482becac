package dev.baton.engine;

import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;

/**
 * Answers the visitor messages that a node stored and then died before answering (storing a message and the bot's
 * answer are two steps; a node killed between them leaves the message for a node that survives). A message the bot
 * owes an answer for longer than {@code after} is answered here. Every node may run it: the store hands each
 * message to one sweep at a time, and keeps one answer per message whoever stores it first.
 */
public final class UnansweredMessages {

    private static final Logger log = LoggerFactory.getLogger(UnansweredMessages.class);

    private final ConversationEngine engine;
    private final ConversationStore conversations;
    private final Duration after;
    private final int batch;
    private final Clock clock;

    /**
     * @param after how long a message may wait for its answer before a sweep answers it: long enough that the
     *              node handling it normally has (a turn takes milliseconds)
     * @param batch how many messages one sweep answers at most
     */
    public UnansweredMessages(ConversationEngine engine, ConversationStore conversations, Duration after, int batch, Clock clock) {
        if (after.isNegative() || after.isZero() || batch < 1) {
            throw new IllegalArgumentException("a sweep needs a positive delay and batch: " + after + ", " + batch);
        }
        this.engine = engine;
        this.conversations = conversations;
        this.after = after;
        this.batch = batch;
        this.clock = clock;
    }

    /** One sweep; emits the answers it found or stored. A message whose turn fails is tried again a delay later. */
    public Flux<Message> sweep() {
        return conversations.claimUnanswered(clock.instant().minus(after), batch)
                .concatMap(unanswered -> engine.answerLate(unanswered)
                        .doOnNext(answer -> log.info("answered message {} of conversation {} late",
                                unanswered.messageId(), unanswered.conversationId()))
                        .onErrorResume(failure -> {
                            log.warn("could not answer message {} of conversation {}; will try again",
                                    unanswered.messageId(), unanswered.conversationId(), failure);
                            return Mono.empty();
                        }));
    }

    /** Sweeps twice per {@code after} until cancelled, so a message waits at most one and a half times as long. */
    public Flux<Message> sweepRegularly() {
        Duration period = after.dividedBy(2);
        // Not on the parallel scheduler: the Redis client may briefly wait for a lock to write (while it reconnects
        // or closes), which a thread that must never block may not do.
        return Flux.interval(period, period, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> sweep().onErrorResume(e -> Mono.empty()), 1);
    }
}
