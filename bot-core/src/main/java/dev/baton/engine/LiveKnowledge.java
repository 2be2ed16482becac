package dev.baton.engine;

import dev.baton.intents.IntentDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bot's current knowledge — an intent database and the model trained from it, swapped together —
 * replaced atomically when trainers change the intents. Training runs off the event loop; until the new model
 * is ready, and for ever if loading or training fails, the old one keeps answering. When reloads overlap, the
 * one started last wins however long each takes, so an older database never replaces a newer one.
 */
public final class LiveKnowledge implements Supplier<BotKnowledge> {

    private static final Logger log = LoggerFactory.getLogger(LiveKnowledge.class);

    private record Installed(long generation, BotKnowledge knowledge) {
    }

    private final AtomicReference<Installed> installed;
    private final AtomicLong generations = new AtomicLong();
    private final Function<IntentDatabase, BotKnowledge> learn;

    private LiveKnowledge(BotKnowledge initial, Function<IntentDatabase, BotKnowledge> learn) {
        this.installed = new AtomicReference<>(new Installed(0, initial));
        this.learn = learn;
    }

    /**
     * Learns the first database synchronously: a bot that cannot understand anything must not start.
     *
     * @param learn trains a model on a database and calibrates its threshold
     */
    public static LiveKnowledge start(IntentDatabase intents, Function<IntentDatabase, BotKnowledge> learn) {
        return new LiveKnowledge(learn.apply(intents), learn);
    }

    @Override
    public BotKnowledge get() {
        return installed.get().knowledge();
    }

    /**
     * Loads and trains new knowledge on a worker thread and swaps it in; emits the knowledge answering
     * afterwards. Errors (a broken intent file, a failed training) leave the current knowledge in place and are
     * passed on so the trainer can be told why.
     */
    public Mono<BotKnowledge> reload(Supplier<IntentDatabase> load) {
        return Mono.defer(() -> {
            long generation = generations.incrementAndGet();
            return Mono.fromCallable(() -> learn.apply(load.get()))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(trained -> install(generation, trained))
                    .doOnError(e -> log.warn("retraining failed; still answering from {}: {}", get().intents().version(), e.getMessage()));
        });
    }

    private BotKnowledge install(long generation, BotKnowledge trained) {
        Installed now = installed.updateAndGet(current -> current.generation() < generation ? new Installed(generation, trained) : current);
        if (now.generation() == generation) {
            log.info("now answering from intent database {} ({} intents)", trained.intents().version(), trained.intents().size());
        }
        return now.knowledge();
    }
}
