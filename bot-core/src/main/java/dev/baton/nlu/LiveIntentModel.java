package dev.baton.nlu;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.baton.intents.IntentDatabase;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The intent model in service: classifies with the current model while a new one trains, then swaps it in
 * atomically. Conversations never wait for training and never see a half-built model.
 *
 * <p>Retraining runs on {@link Schedulers#boundedElastic()}, never on the caller's (event-loop) thread. When training
 * fails the current model stays. When retrains overlap, the one started last wins, however long each takes, so an
 * older database never replaces a newer one.
 */
public final class LiveIntentModel implements IntentClassifier {

    /** The result of one retrain. */
    public sealed interface Retrain {

        /** The new model now answers. */
        record Swapped(String databaseVersion, Duration took) implements Retrain {
        }

        /** The model in service did not change; {@code reason} says why, in words for a bot trainer. */
        record Kept(String databaseVersion, String reason) implements Retrain {
        }
    }

    private record Installed(long generation, String databaseVersion, IntentModel model) {
    }

    private final AtomicReference<Installed> installed;
    private final AtomicLong generations = new AtomicLong();
    private final String defaultLanguage;
    private final ModelSettings settings;

    public LiveIntentModel(IntentModel initial, String databaseVersion, ModelSettings settings) {
        this.installed = new AtomicReference<>(new Installed(0, databaseVersion, Objects.requireNonNull(initial)));
        this.defaultLanguage = initial.defaultLanguage();
        this.settings = settings;
    }

    /** Trains the first model, blocking: for start-up, before any message arrives. */
    public static LiveIntentModel trainedOn(IntentDatabase database, String defaultLanguage, ModelSettings settings) {
        return new LiveIntentModel(IntentModel.train(database, defaultLanguage, settings), database.version(), settings);
    }

    @Override
    public Classification classify(String text, String language) {
        return installed.get().model().classify(text, language);
    }

    /** The model answering now. */
    public IntentModel current() {
        return installed.get().model();
    }

    /** The version of the database the model answering now was trained on. */
    public String databaseVersion() {
        return installed.get().databaseVersion();
    }

    /**
     * Trains a model on {@code database} off the caller's thread and swaps it in. Never errors: a failed training
     * completes with {@link Retrain.Kept} and its reason. Lazy, like any {@code Mono}: nothing trains until subscribed.
     */
    public Mono<Retrain> retrain(IntentDatabase database) {
        return Mono.defer(() -> {
            long generation = generations.incrementAndGet();
            long started = System.nanoTime();
            return Mono.fromCallable(() -> IntentModel.train(database, defaultLanguage, settings))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(model -> install(generation, database.version(), model, Duration.ofNanos(System.nanoTime() - started)))
                    .onErrorResume(e -> Mono.just(new Retrain.Kept(database.version(),
                            "training failed, the previous model keeps answering: " + e.getMessage())));
        });
    }

    private Retrain install(long generation, String version, IntentModel model, Duration took) {
        Installed candidate = new Installed(generation, version, model);
        Installed now = installed.getAndUpdate(current -> current.generation() < generation ? candidate : current);
        return now.generation() < generation
                ? new Retrain.Swapped(version, took)
                : new Retrain.Kept(version, "a newer retrain finished first");
    }
}
