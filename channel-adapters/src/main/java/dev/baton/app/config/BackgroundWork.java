package dev.baton.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.function.Supplier;

/** Runs a periodic job of the core (a sweep, a check) from the node's start until it stops. */
public final class BackgroundWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final Supplier<Flux<?>> work;
    private volatile Disposable running;

    /**
     * {@code job} now and every {@code period}, one run at a time; a run that fails (the store away) is logged and
     * the next one tried at the next tick.
     */
    static BackgroundWork every(Duration period, String what, Supplier<Mono<?>> job) {
        return new BackgroundWork(() -> Flux.interval(Duration.ZERO, period, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(job).onErrorResume(failure -> {
                    log.warn("Could not {}; trying again in {}: {}", what, period, failure.toString());
                    return Mono.empty();
                }), 0));
    }

    /** @param work subscribed at start, disposed at stop; it must handle its own errors to keep running */
    public BackgroundWork(Supplier<Flux<?>> work) {
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
