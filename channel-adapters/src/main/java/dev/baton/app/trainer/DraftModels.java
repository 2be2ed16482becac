package dev.baton.app.trainer;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.app.config.BatonProperties;
import dev.baton.engine.BotKnowledge;
import dev.baton.engine.LiveKnowledge;
import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.evaluation.Prediction;
import dev.baton.training.DraftEvaluation;
import dev.baton.training.Sandbox;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The models trainers try drafts with, trained off the event loop and kept per database version (a draft's content
 * hash), so that chatting with a draft trains its model once, and evaluating it cross-validates each side once.
 *
 * <p>Training runs on one thread of its own, so that trainers never take more than one core from visitors; at most
 * {@value #MAX_WAITING} trainings wait for it, and one more is refused with {@link java.util.concurrent.RejectedExecutionException}.
 * A request that gives up does not cancel its training: the model is cached for the next one.
 */
@Component
class DraftModels implements DisposableBean {

    static final int MAX_WAITING = 4;
    /** Models of a few draft versions: the one being edited, and the one before while its successor trains. */
    private static final int SANDBOXES = 3;
    /** Cross-validated predictions of the published database and a few drafts. */
    private static final int PREDICTIONS = 4;

    private final ThreadPoolExecutor training = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_WAITING), runnable -> {
                Thread thread = new Thread(runnable, "draft-training");
                thread.setDaemon(true);
                return thread;
            });
    private final AsyncCache<String, Sandbox> sandboxes = Caffeine.newBuilder().maximumSize(SANDBOXES).buildAsync();
    private final AsyncCache<String, List<Prediction>> predictions = Caffeine.newBuilder().maximumSize(PREDICTIONS).buildAsync();
    private final LiveKnowledge knowledge;
    private final BatonProperties properties;

    DraftModels(LiveKnowledge knowledge, BatonProperties properties) {
        this.knowledge = knowledge;
        this.properties = properties;
    }

    /** A bot answering from {@code database}: the one in service when it is the database this node answers from. */
    Mono<Sandbox> sandbox(IntentDatabase database) {
        return cached(sandboxes, database, () -> {
            BotKnowledge live = knowledge.get();
            BotKnowledge learnt = live.intents().version().equals(database.version()) ? live
                    : BotKnowledge.learn(database, properties.defaultLanguage(), Optional.ofNullable(properties.policy().confidenceFloor()));
            return new Sandbox(learnt, properties.policy().settings(learnt.confidenceFloor()), properties.defaultLanguage());
        });
    }

    /** The draft's database measured against the one this node answers from. */
    Mono<DraftEvaluation> evaluate(IntentDatabase draft) {
        BotKnowledge published = knowledge.get();
        return Mono.zip(sandbox(draft), heldOut(published.intents()), heldOut(draft))
                .publishOn(Schedulers.parallel())
                .map(all -> DraftEvaluation.compare(published, all.getT2(), all.getT1().knowledge(), all.getT3()));
    }

    private Mono<List<Prediction>> heldOut(IntentDatabase database) {
        return cached(predictions, database, () -> DraftEvaluation.crossValidate(database, properties.defaultLanguage()));
    }

    private <T> Mono<T> cached(AsyncCache<String, T> cache, IntentDatabase database, Supplier<T> train) {
        return Mono.defer(() -> Mono.fromFuture(cache.get(database.version(),
                (version, executor) -> CompletableFuture.supplyAsync(train, training)), true));
    }

    @Override
    public void destroy() {
        training.shutdownNow();
    }
}
