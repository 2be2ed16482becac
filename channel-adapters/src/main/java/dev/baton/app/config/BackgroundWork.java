package dev.baton.app.config;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.util.function.Supplier;

/** Runs a periodic job of the core (a sweep, a check) from the node's start until it stops. */
final class BackgroundWork implements SmartLifecycle {

    private final Supplier<Flux<?>> work;
    private volatile Disposable running;

    /** @param work subscribed at start, disposed at stop; it must handle its own errors to keep running */
    BackgroundWork(Supplier<Flux<?>> work) {
        this.work = work;
    }

    @Override
    public void start() {
        running = work.get().subscribe();
    }

    @Override
    public void stop() {
        running.dispose();
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
