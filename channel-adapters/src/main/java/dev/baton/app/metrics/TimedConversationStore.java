package dev.baton.app.metrics;

import dev.baton.conversation.Appended;
import dev.baton.conversation.AppendedTo;
import dev.baton.conversation.Conversation;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.Message;
import dev.baton.conversation.MessageDraft;
import dev.baton.conversation.QueueRepair;
import dev.baton.conversation.UnansweredMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Times every operation of the conversation store at its port, whichever store is behind it: from subscribing to
 * the result's end (a stream's last element), including any compare-and-set retries and waiting for a connection —
 * what the engine waits for. Redis' own command latency would show only {@code EVALSHA}, since every store operation
 * is a script. Each operation has its own timer, registered up front.
 */
public final class TimedConversationStore implements ConversationStore {

    private final ConversationStore store;
    private final Timer create;
    private final Timer find;
    private final Timer update;
    private final Timer updateWithinCapacity;
    private final Timer countWithAgent;
    private final Timer appendOnce;
    private final Timer appendAsVisitor;
    private final Timer updateAndAppend;
    private final Timer claimUnanswered;
    private final Timer forgetUnanswered;
    private final Timer transcript;
    private final Timer ofVisitor;
    private final Timer withAgent;
    private final Timer repairQueue;
    private final Timer erase;

    public TimedConversationStore(ConversationStore store, MeterRegistry registry) {
        this.store = store;
        create = timer(registry, "create");
        find = timer(registry, "find");
        update = timer(registry, "update");
        updateWithinCapacity = timer(registry, "updateWithinCapacity");
        countWithAgent = timer(registry, "countWithAgent");
        appendOnce = timer(registry, "appendOnce");
        appendAsVisitor = timer(registry, "appendAsVisitor");
        updateAndAppend = timer(registry, "updateAndAppend");
        claimUnanswered = timer(registry, "claimUnanswered");
        forgetUnanswered = timer(registry, "forgetUnanswered");
        transcript = timer(registry, "transcript");
        ofVisitor = timer(registry, "ofVisitor");
        withAgent = timer(registry, "withAgent");
        repairQueue = timer(registry, "repairQueue");
        erase = timer(registry, "erase");
    }

    private static Timer timer(MeterRegistry registry, String operation) {
        return Timer.builder("baton.store.operations").tag("operation", operation)
                .description("conversation store operations, from call to result").register(registry);
    }

    private static <T> Mono<T> timed(Timer timer, Supplier<Mono<T>> operation) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return operation.get().doFinally(signal -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        });
    }

    private static <T> Flux<T> timedFlux(Timer timer, Supplier<Flux<T>> operation) {
        return Flux.defer(() -> {
            long start = System.nanoTime();
            return operation.get().doFinally(signal -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        });
    }

    @Override
    public Mono<Conversation> create(Conversation conversation) {
        return timed(create, () -> store.create(conversation));
    }

    @Override
    public Mono<Conversation> find(String conversationId) {
        return timed(find, () -> store.find(conversationId));
    }

    @Override
    public Mono<Conversation> update(String conversationId, UnaryOperator<Conversation> change) {
        return timed(update, () -> store.update(conversationId, change));
    }

    @Override
    public Mono<Conversation> updateWithinCapacity(String conversationId, UnaryOperator<Conversation> change, int capacity) {
        return timed(updateWithinCapacity, () -> store.updateWithinCapacity(conversationId, change, capacity));
    }

    @Override
    public Mono<Integer> countWithAgent(String agentUsername) {
        return timed(countWithAgent, () -> store.countWithAgent(agentUsername));
    }

    @Override
    public Mono<Appended> appendOnce(String conversationId, MessageDraft draft) {
        return timed(appendOnce, () -> store.appendOnce(conversationId, draft));
    }

    @Override
    public Mono<AppendedTo> appendAsVisitor(String conversationId, String visitorId, MessageDraft draft) {
        return timed(appendAsVisitor, () -> store.appendAsVisitor(conversationId, visitorId, draft));
    }

    @Override
    public Mono<AppendedTo> updateAndAppend(String conversationId, UnaryOperator<Conversation> change, MessageDraft draft) {
        return timed(updateAndAppend, () -> store.updateAndAppend(conversationId, change, draft));
    }

    @Override
    public Flux<UnansweredMessage> claimUnanswered(Instant storedBefore, int limit) {
        return timedFlux(claimUnanswered, () -> store.claimUnanswered(storedBefore, limit));
    }

    @Override
    public Mono<Void> forgetUnanswered(UnansweredMessage message) {
        return timed(forgetUnanswered, () -> store.forgetUnanswered(message));
    }

    @Override
    public Flux<Message> transcript(String conversationId, long afterId) {
        return timedFlux(transcript, () -> store.transcript(conversationId, afterId));
    }

    @Override
    public Flux<Conversation> ofVisitor(String visitorId) {
        return timedFlux(ofVisitor, () -> store.ofVisitor(visitorId));
    }

    @Override
    public Flux<Conversation> withAgent(String agentUsername) {
        return timedFlux(withAgent, () -> store.withAgent(agentUsername));
    }

    @Override
    public Mono<Integer> erase(String conversationId) {
        return timed(erase, () -> store.erase(conversationId));
    }

    /** Untimed: an administrator's rare search, which would only skew the operations' latencies. */
    @Override
    public Flux<Conversation> withMessageMatching(Predicate<String> matches) {
        return store.withMessageMatching(matches);
    }

    @Override
    public Flux<QueueRepair> repairQueue() {
        return timedFlux(repairQueue, () -> store.repairQueue());
    }
}
