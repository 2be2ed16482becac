package dev.baton.engine;

import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.IntentClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bot's current knowledge, replaced atomically when trainers change the intents. Training runs off the
 * event loop; until the new model is ready, and for ever if training fails, the old one keeps answering.
 */
public final class LiveKnowledge implements Supplier<BotKnowledge> {

    private static final Logger log = LoggerFactory.getLogger(LiveKnowledge.class);

    private final AtomicReference<BotKnowledge> current;
    private final Function<IntentDatabase, IntentClassifier> trainer;

    private LiveKnowledge(BotKnowledge initial, Function<IntentDatabase, IntentClassifier> trainer) {
        this.current = new AtomicReference<>(initial);
        this.trainer = trainer;
    }

    /** Trains the first model synchronously: a bot that cannot understand anything must not start. */
    public static LiveKnowledge start(IntentDatabase intents, Function<IntentDatabase, IntentClassifier> trainer) {
        return new LiveKnowledge(new BotKnowledge(intents, trainer.apply(intents)), trainer);
    }

    @Override
    public BotKnowledge get() {
        return current.get();
    }

    /**
     * Loads and trains new knowledge on a worker thread and swaps it in. Errors (a broken intent file, a failed
     * training) leave the current knowledge in place and are passed on so the trainer can be told why.
     */
    public Mono<BotKnowledge> reload(Supplier<IntentDatabase> load) {
        return Mono.fromCallable(() -> {
                    IntentDatabase intents = load.get();
                    return new BotKnowledge(intents, trainer.apply(intents));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(trained -> {
                    current.set(trained);
                    log.info("now answering from intent database {} ({} intents)", trained.intents().version(), trained.intents().size());
                })
                .doOnError(e -> log.warn("retraining failed; still answering from {}: {}", get().intents().version(), e.getMessage()));
    }
}
