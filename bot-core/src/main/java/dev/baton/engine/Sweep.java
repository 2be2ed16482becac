package dev.baton.engine;

import dev.baton.conversation.Conversation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A look at the stores for conversations that time has left stuck, moving them on. Every node may run one; they
 * agree through the stores' atomic transitions, so each conversation is moved once.
 */
public interface Sweep {

    /** One look; emits the conversations it moved. */
    Flux<Conversation> sweep();

    /** Sweeps every {@code period} until cancelled; a failed sweep (Redis away) is retried at the next tick. */
    default Flux<Conversation> sweepEvery(Duration period) {
        return Flux.interval(period, period)
                .onBackpressureDrop()
                .concatMap(tick -> sweep().onErrorResume(e -> Mono.empty()), 1);
    }
}
