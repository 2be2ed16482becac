package dev.baton.app.config;

import dev.baton.engine.AbandonedConversations;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

import java.time.Duration;

/** Runs the sweep for conversations whose agent vanished while the node runs. */
final class AbandonedConversationsWatch implements SmartLifecycle {

    private final AbandonedConversations abandoned;
    private final Duration period;
    private volatile Disposable watching;

    AbandonedConversationsWatch(AbandonedConversations abandoned, Duration grace) {
        this.abandoned = abandoned;
        // Looking three times per grace period requeues at most a third of it late.
        this.period = grace.dividedBy(3);
    }

    @Override
    public void start() {
        watching = abandoned.sweepEvery(period).subscribe();
    }

    @Override
    public void stop() {
        watching.dispose();
    }

    @Override
    public boolean isRunning() {
        return watching != null && !watching.isDisposed();
    }
}
