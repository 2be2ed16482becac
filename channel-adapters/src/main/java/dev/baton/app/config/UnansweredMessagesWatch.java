package dev.baton.app.config;

import dev.baton.engine.UnansweredMessages;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/** Runs the sweep that answers visitor messages whose node died before answering, while the node runs. */
final class UnansweredMessagesWatch implements SmartLifecycle {

    private final UnansweredMessages unanswered;
    private volatile Disposable watching;

    UnansweredMessagesWatch(UnansweredMessages unanswered) {
        this.unanswered = unanswered;
    }

    @Override
    public void start() {
        watching = unanswered.sweepRegularly().subscribe();
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
