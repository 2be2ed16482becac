package dev.baton.training;

import dev.baton.audit.Actor;
import dev.baton.audit.AuditEntry;
import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditQuery;

import dev.baton.engine.BotKnowledge;
import dev.baton.engine.LiveKnowledge;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What bot trainers do with the intent database, whatever page or API they use: change a shared draft (created from
 * the published database on the first change), publish it to every node as a new version, roll back to an earlier
 * version, reload a node's files; each recorded in the audit log with who did it.
 *
 * <p>Publishing goes through {@link LiveKnowledge#reload}, the path every publication takes: the draft is validated
 * by the loader, trained on this node, published to every node, and only then recorded as a version. A draft with
 * problems is never published. Validation runs on the parallel scheduler, training on the knowledge's own thread: no
 * caller's event loop waits for either.
 */
public final class TrainerWorkspace {

    /** How often a change is tried again when another trainer's change was saved first. */
    private static final int MAX_RETRIES = 5;

    private final Drafts drafts;
    private final IntentVersions versions;
    private final AuditLog audit;
    private final LiveKnowledge knowledge;
    private final Clock clock;

    public TrainerWorkspace(Drafts drafts, IntentVersions versions, AuditLog audit, LiveKnowledge knowledge, Clock clock) {
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records the database this node answers from as the first version, unless there is one: called once at start-up,
     * it makes the {@code intents/} folder (as first published) version 1. Emits the version when it was added.
     */
    public Mono<VersionInfo> recordFirstVersion() {
        IntentDatabase answering = knowledge.get().intents();
        VersionInfo first = new VersionInfo(0, answering.version(), TrainerAction.SEEDED, VersionInfo.SEEDED_BY,
                clock.instant(), "the intent files the installation started with");
        return versions.addFirst(first, answering.sources())
                .flatMap(added -> audited(added, Actor.system(VersionInfo.SEEDED_BY), "version 1 is the intents folder as first published"));
    }

    /** The draft and its problems; while none is started, the published files as a draft of revision 0. */
    public Mono<DraftView> draft() {
        return currentOrFresh().flatMap(this::view);
    }

    /**
     * The database the draft makes (the published one while none is started), validated; fails with
     * {@link DraftHasProblemsException} when the draft has problems.
     */
    public Mono<IntentDatabase> draftDatabase() {
        return currentOrFresh().publishOn(Schedulers.parallel()).map(draft -> DraftCheck.of(draft).publishable());
    }

    /**
     * Applies a change to the draft (starting it from the published database first if needed), saves it and records
     * it; emits the draft with its problems, which it may have. Fails with {@link UnknownIntentException} for a change
     * to an intent the draft does not have, {@link ConcurrentChangesException} when other trainers kept changing it.
     */
    public Mono<DraftView> change(Actor who, DraftChange change) {
        return currentOrFresh()
                // An import validates every file of the draft: not on the caller's event loop.
                .publishOn(Schedulers.parallel())
                .flatMap(current -> {
                    Draft next = change.applyTo(current).changed(who.name(), clock.instant());
                    return drafts.save(next).flatMap(saved -> saved ? Mono.just(next) : Mono.error(new ConcurrentChangesException()));
                })
                .retryWhen(Retry.max(MAX_RETRIES).filter(ConcurrentChangesException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .flatMap(saved -> audit.record(new AuditEntry(clock.instant(), who, change.action(), change.intent(),
                        change.description())).thenReturn(saved))
                .flatMap(this::view);
    }

    /** Throws the draft away; emits whether there was one. */
    public Mono<Boolean> discard(Actor who) {
        return drafts.current()
                .flatMap(draft -> drafts.remove(draft.id(), draft.revision())
                        .flatMap(removed -> removed
                                ? audit.record(new AuditEntry(clock.instant(), who, TrainerAction.DRAFT_DISCARDED, "draft",
                                        "discarded the draft after " + draft.revision() + " change(s)")).thenReturn(true)
                                : Mono.error(new ConcurrentChangesException())))
                .defaultIfEmpty(false);
    }

    /**
     * Publishes the draft as a new version that every node answers from: validated, trained here, published, recorded;
     * then the draft is gone (unless it was changed meanwhile, when the newer draft stays). Fails with
     * {@link NothingToPublishException} without a draft, {@link DraftHasProblemsException} when it has problems
     * (nothing changes anywhere), and as {@link LiveKnowledge#reload} does when training or publishing fails.
     */
    public Mono<VersionInfo> publish(Actor who, String note) {
        return drafts.current()
                .switchIfEmpty(Mono.error(new NothingToPublishException()))
                .flatMap(draft -> Mono.fromCallable(() -> DraftCheck.of(draft).publishable())
                        .subscribeOn(Schedulers.parallel())
                        .flatMap(database -> knowledge.reload(() -> database))
                        .flatMap(learnt -> recordVersion(who, TrainerAction.PUBLISHED, learnt.intents(), note))
                        .flatMap(version -> drafts.remove(draft.id(), draft.revision()).thenReturn(version)));
    }

    /**
     * Publishes an earlier version's files again, as a new version. Fails with {@link UnknownVersionException} for a
     * version there is not.
     */
    public Mono<VersionInfo> rollBack(Actor who, int number, String note) {
        return version(number)
                .flatMap(earlier -> knowledge.reload(() -> IntentDatabaseLoader.parse(earlier.files()))
                        .flatMap(learnt -> recordVersion(who, TrainerAction.ROLLED_BACK, learnt.intents(),
                                note.isBlank() ? "rolled back to version " + number : note)));
    }

    /** Reloads a node's own files ({@code POST /api/trainer/reload}) and records them as a new version. */
    public Mono<BotKnowledge> reload(Actor who, Supplier<IntentDatabase> files) {
        return knowledge.reload(files)
                .flatMap(learnt -> recordVersion(who, TrainerAction.RELOADED, learnt.intents(), "reloaded from the intent files")
                        .thenReturn(learnt));
    }

    /** Every version, newest first. */
    public Flux<VersionInfo> versions() {
        return versions.list();
    }

    /** A version with its files; fails with {@link UnknownVersionException} for one there is not. */
    public Mono<IntentVersion> version(int number) {
        return versions.find(number).switchIfEmpty(Mono.error(() -> new UnknownVersionException(number)));
    }

    /** What changed from version {@code from} to version {@code to}. */
    public Mono<IntentDiff> diff(int from, int to) {
        return version(from).zipWith(version(to))
                .publishOn(Schedulers.parallel())
                .map(versions -> IntentDiff.between(IntentDatabaseLoader.parse(versions.getT1().files()).intents(),
                        IntentDatabaseLoader.parse(versions.getT2().files()).intents()));
    }

    /** The trainers' entries of the audit log, newest first. */
    public Flux<AuditEntry> audit(int limit) {
        return audit.find(AuditQuery.latestOf(List.of(TrainerAction.values()), limit));
    }

    private Mono<Draft> currentOrFresh() {
        return drafts.current().switchIfEmpty(Mono.fromSupplier(() -> Draft.startFrom(knowledge.get().intents(), clock.instant())));
    }

    private Mono<DraftView> view(Draft draft) {
        return Mono.fromCallable(() -> new DraftView(draft, DraftCheck.of(draft).problems(),
                        IntentDiff.between(knowledge.get().intents().intents(), draft.intents()), knowledge.publishedVersion()))
                .subscribeOn(Schedulers.parallel());
    }

    private Mono<VersionInfo> recordVersion(Actor who, TrainerAction action, IntentDatabase database, String note) {
        return versions.add(new VersionInfo(0, database.version(), action, who.name(), clock.instant(), note), database.sources())
                .flatMap(added -> audited(added, who, note));
    }

    private Mono<VersionInfo> audited(VersionInfo version, Actor who, String detail) {
        return audit.record(new AuditEntry(clock.instant(), who, version.action(), "version " + version.number(),
                detail + " (intents " + version.intentsVersion() + ")")).thenReturn(version);
    }
}
