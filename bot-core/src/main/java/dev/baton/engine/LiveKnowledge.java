package dev.baton.engine;

import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentPublication;
import dev.baton.intents.PublishedIntents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bot's current knowledge — an intent database and the model trained from it, swapped together — kept the
 * same on every node of an installation: the database all nodes answer from is the one published in
 * {@link IntentPublication}.
 *
 * <ul>
 *   <li>A <b>reload</b> loads, validates and trains on this node first; only a database that trained is published
 *       (a broken one changes nothing anywhere), and this node answers from it once it is published.</li>
 *   <li>Every node <b>follows</b> the publication: told of each publication (at most once), and checking the
 *       published version now and then in case it missed one, it trains the published database and swaps it in.</li>
 *   <li>A node <b>starting</b> answers from the published database if there is one, else publishes its own.</li>
 * </ul>
 *
 * Training runs off the event loop and the old knowledge answers until the new is ready (for ever if loading or
 * training fails). Changes — reloads and catching up — run one at a time, in the order asked, on a thread of their
 * own, so the change asked last is what answers afterwards, and what this node answers is what it last published
 * or adopted.
 */
public final class LiveKnowledge implements Supplier<BotKnowledge>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveKnowledge.class);
    /** A backstop only: the publication's commands time out by themselves. */
    private static final Duration PUBLICATION_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_QUEUED_CHANGES = 16;

    private final Function<IntentDatabase, BotKnowledge> learn;
    private final IntentPublication publication;
    private final Scheduler changes = Schedulers.newBoundedElastic(1, MAX_QUEUED_CHANGES, "knowledge-changes");
    private volatile BotKnowledge current;
    /** The published version this node last published, adopted or found it cannot learn; written by changes only. */
    private volatile String followed;
    private volatile Disposable following = Flux.never().subscribe();

    private LiveKnowledge(BotKnowledge initial, String followed, Function<IntentDatabase, BotKnowledge> learn,
                          IntentPublication publication) {
        this.current = initial;
        this.followed = followed;
        this.learn = learn;
        this.publication = publication;
    }

    /**
     * Learns the installation's published database, or, when none is published yet, this node's own files and
     * publishes them. Blocks: call it at start-up. A bot that cannot understand anything must not start, so
     * broken local files fail here — unless a published database was learnt instead.
     *
     * @param localFiles loads this node's intent files (throws when they are broken)
     * @param learn      trains a model on a database and calibrates its threshold
     */
    public static LiveKnowledge start(Supplier<IntentDatabase> localFiles, Function<IntentDatabase, BotKnowledge> learn,
                                      IntentPublication publication) {
        Optional<PublishedIntents> published = publication.published().blockOptional(PUBLICATION_TIMEOUT);
        if (published.isPresent()) {
            String version = published.get().version();
            try {
                BotKnowledge adopted = learn.apply(published.get().validate());
                log.info("answering from the installation's published intent database {} ({} intents){}", version,
                        adopted.intents().size(), differenceFromOwnFiles(localFiles, version));
                return new LiveKnowledge(adopted, version, learn, publication);
            } catch (RuntimeException e) {
                log.error("cannot learn the installation's published intent database {} ({}); answering from this node's own files",
                        version, e.getMessage());
                return new LiveKnowledge(learn.apply(localFiles.get()), version, learn, publication);
            }
        }
        IntentDatabase own = localFiles.get();
        BotKnowledge learnt = learn.apply(own);
        publication.publish(own).block(PUBLICATION_TIMEOUT);
        log.info("published this node's intent database {} ({} intents) as the installation's", own.version(), own.size());
        return new LiveKnowledge(learnt, own.version(), learn, publication);
    }

    /** Why: trainers who edit this node's files and restart it would otherwise wonder why nothing changed. */
    private static String differenceFromOwnFiles(Supplier<IntentDatabase> localFiles, String published) {
        try {
            String own = localFiles.get().version();
            return own.equals(published) ? "" : "; this node's own files are version " + own + ": reload to publish them";
        } catch (RuntimeException e) {
            return "; this node's own files have problems: " + e.getMessage();
        }
    }

    @Override
    public BotKnowledge get() {
        return current;
    }

    /** The installation's version as this node last saw it: what it should answer from. */
    public String publishedVersion() {
        return followed;
    }

    /**
     * Loads and trains a new database, publishes it to every node and swaps it in; emits the knowledge answering
     * afterwards. Errors leave everything as it was, everywhere, and are passed on so the trainer can be told why:
     * the loader's {@code InvalidIntentDatabaseException}, a training failure, or {@link NotPublishedException}.
     */
    public Mono<BotKnowledge> reload(Supplier<IntentDatabase> load) {
        return Mono.fromCallable(() -> {
                    IntentDatabase intents = load.get();
                    BotKnowledge trained = learn.apply(intents);
                    try {
                        publication.publish(intents).block(PUBLICATION_TIMEOUT);
                    } catch (RuntimeException e) {
                        throw new NotPublishedException(intents.version(), e);
                    }
                    followed = intents.version();
                    return install(trained);
                })
                .subscribeOn(changes)
                .doOnError(e -> log.warn("reload failed; still answering from {}: {}", get().intents().version(), e.getMessage()));
    }

    /**
     * Checks the published version and, when it is not the one this node follows, learns it and swaps it in; emits
     * the knowledge answering afterwards. A published database this node cannot learn is logged and not tried again
     * until another is published. When nothing is published (say Redis lost its data), this node publishes what it
     * answers from, so the installation keeps one database.
     */
    public Mono<BotKnowledge> catchUp() {
        return Mono.fromCallable(() -> {
            Optional<String> version = publication.publishedVersion().blockOptional(PUBLICATION_TIMEOUT);
            if (version.isEmpty()) {
                republish();
            } else if (!version.get().equals(followed)) {
                publication.published().blockOptional(PUBLICATION_TIMEOUT).ifPresent(this::adopt);
            }
            return get();
        }).subscribeOn(changes);
    }

    /**
     * Catches up whenever a publication is announced and at least every {@code checkEvery}, until closed; a
     * check that fails (Redis unreachable) is logged and the next one tries again.
     */
    public void follow(Duration checkEvery) {
        following.dispose();
        following = Flux.merge(publication.observePublications().cast(Object.class), Flux.interval(checkEvery, checkEvery))
                .onBackpressureLatest()
                .concatMap(announcedOrDue -> catchUp().onErrorResume(e -> {
                    log.warn("could not check the published intent database: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /** Stops following and the thread changes run on. */
    @Override
    public void close() {
        following.dispose();
        changes.dispose();
    }

    private void adopt(PublishedIntents published) {
        try {
            install(learn.apply(published.validate()));
        } catch (RuntimeException e) {
            log.error("cannot learn the installation's published intent database {} ({}); still answering from {}",
                    published.version(), e.getMessage(), get().intents().version());
        }
        followed = published.version();
    }

    private void republish() {
        IntentDatabase answering = get().intents();
        publication.publish(answering).block(PUBLICATION_TIMEOUT);
        followed = answering.version();
        log.warn("no intent database was published; published the one this node answers from, {}", answering.version());
    }

    private BotKnowledge install(BotKnowledge trained) {
        current = trained;
        log.info("now answering from intent database {} ({} intents)", trained.intents().version(), trained.intents().size());
        return trained;
    }

    /**
     * A reload that trained but could not be published: nothing changed, on any node — unless the store took it and
     * only its answer was lost (a timeout), in which case every node, this one too, adopts it on its next check.
     */
    public static final class NotPublishedException extends RuntimeException {
        NotPublishedException(String version, Throwable cause) {
            super("intent database " + version + " could not be published to the other nodes (" + cause.getMessage()
                    + "); nothing changed, unless the store took it after all, which every node would then adopt", cause);
        }
    }
}
