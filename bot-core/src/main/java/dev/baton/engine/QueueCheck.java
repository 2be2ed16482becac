package dev.baton.engine;

import dev.baton.events.ConversationEvent;
import dev.baton.conversation.QueueRepair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Finds and repairs what would leave a visitor stuck: a conversation waiting for an agent in no queue, or a queue
 * entry nobody waits behind. Transitions keep state and queue together in one step, so this finds only what an older
 * version (which changed them in two) or a hand-edited store left behind. Every node may run one; the store makes
 * each repair atomic, so they do not trip over each other or over transitions.
 */
public final class QueueCheck {

    private static final Logger log = LoggerFactory.getLogger(QueueCheck.class);

    private final Stores stores;

    public QueueCheck(Stores stores) {
        this.stores = stores;
    }

    /** One check; emits what it repaired, each logged (ids and what was wrong, no text) and announced to consoles. */
    public Flux<QueueRepair> run() {
        return stores.conversations().repairQueue()
                .concatMap(repair -> {
                    log.warn("Repaired the agents' queue: {}", repair.describe());
                    return stores.events().publish(new ConversationEvent.QueueChanged(repair.conversationId())).thenReturn(repair);
                });
    }

    /** Checks at once and then every {@code period} until cancelled; a failed check (Redis away) is retried at the next tick. */
    public Flux<QueueRepair> runEvery(Duration period) {
        return Flux.interval(Duration.ZERO, period)
                .onBackpressureDrop()
                .concatMap(tick -> run().onErrorResume(e -> {
                    log.warn("The queue check failed; it runs again in {}: {}", period, e.toString());
                    return Mono.empty();
                }), 1);
    }
}
