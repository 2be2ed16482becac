package dev.baton.store.memory;

import dev.baton.handoff.LeftMessage;
import dev.baton.handoff.LeftMessages;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** Left messages in this node's memory, each kept for the retention from when it was left. */
public final class InMemoryLeftMessages implements LeftMessages {

    private final List<LeftMessage> messages = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final Duration retention;

    /** @param retention how long a left message is kept, from when it was left */
    public InMemoryLeftMessages(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = LeftMessages.requirePositive(retention);
    }

    /** Forgets the messages older than the retention as it saves a new one, so the list stays bounded. */
    @Override
    public Mono<LeftMessage> save(LeftMessage message) {
        return Mono.fromCallable(() -> {
            Instant cutoff = clock.instant().minus(retention);
            synchronized (messages) {
                messages.removeIf(m -> m.at().isBefore(cutoff));
                messages.add(message);
            }
            return message;
        });
    }

    @Override
    public Mono<LeftMessage> update(String id, UnaryOperator<LeftMessage> change) {
        return Mono.fromCallable(() -> {
            Instant cutoff = clock.instant().minus(retention);
            synchronized (messages) {
                for (int i = 0; i < messages.size(); i++) {
                    LeftMessage current = messages.get(i);
                    if (current.id().equals(id) && !current.at().isBefore(cutoff)) {
                        LeftMessage changed = change.apply(current);
                        messages.set(i, changed);
                        return changed;
                    }
                }
                return null;
            }
        });
    }

    @Override
    public Flux<LeftMessage> all() {
        return Flux.defer(() -> {
            Instant cutoff = clock.instant().minus(retention);
            return Flux.fromIterable(messages).filter(m -> !m.at().isBefore(cutoff));
        });
    }

    @Override
    public Mono<Integer> forgetVisitor(String visitorId) {
        return Mono.fromCallable(() -> {
            synchronized (messages) {
                List<LeftMessage> theirs = messages.stream().filter(m -> m.visitorId().equals(visitorId)).toList();
                messages.removeAll(theirs);
                return theirs.size();
            }
        });
    }
}
