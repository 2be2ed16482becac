package dev.baton.training;

import dev.baton.engine.RandomIds;
import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader.IntentSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The installation's one shared draft: the intent files trainers are changing, started from the published database
 * on the first change and published (or discarded) as a whole. It may have problems; it is saved all the same, and
 * only a draft without problems can be published.
 *
 * @param id        tells this draft from one started after it was discarded or published
 * @param files     the draft's intent files, in order
 * @param basedOn   the version of the published database it was started from
 * @param revision  how many changes it has had; 0 for a draft not started yet (the published files as they are)
 * @param changedBy who changed it last (empty before the first change)
 * @param changedAt when it was last changed (or started)
 */
public record Draft(String id, List<DraftFile> files, String basedOn, long revision, Optional<String> changedBy,
                    Instant changedAt) {

    /** Where an intent goes when the trainer does not say in which file. */
    public static final String NEW_INTENTS_FILE = "workspace.yaml";

    public Draft {
        Objects.requireNonNull(id, "id");
        files = List.copyOf(files);
        Objects.requireNonNull(basedOn, "basedOn");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** The published database as a draft not started yet: every file as published. */
    public static Draft startFrom(IntentDatabase published, Instant now) {
        Map<String, List<Intent>> byFile = new LinkedHashMap<>();
        published.sources().forEach(source -> byFile.put(source.name(), new ArrayList<>()));
        for (Intent intent : published.intents()) {
            String file = published.fileOf(intent.id()).orElseThrow(() ->
                    new IllegalArgumentException("intent database " + published.version() + " was built in code and has no files"));
            byFile.get(file).add(intent);
        }
        List<DraftFile> files = published.sources().stream()
                .map(source -> DraftFile.published(source, byFile.get(source.name())))
                .toList();
        return new Draft(RandomIds.next("draft-"), files, published.version(), 0, Optional.empty(), now);
    }

    public List<Intent> intents() {
        return files.stream().flatMap(f -> f.intents().stream()).toList();
    }

    public Optional<Intent> find(String intentId) {
        return intents().stream().filter(i -> i.id().equals(intentId)).findFirst();
    }

    /** The file an intent is in; empty when the draft has no such intent. */
    public Optional<String> fileOf(String intentId) {
        return files.stream().filter(f -> f.intents().stream().anyMatch(i -> i.id().equals(intentId)))
                .map(DraftFile::name).findFirst();
    }

    /** The files as the loader reads them. */
    public List<IntentSource> sources() {
        return files.stream().map(DraftFile::source).toList();
    }

    /**
     * The draft with {@code intent} in place of the intent with its id, where that one was; a new intent goes at the
     * end of {@code file} (created at the end when the draft has no such file).
     */
    Draft with(Intent intent, String file) {
        List<DraftFile> changed = new ArrayList<>();
        boolean placed = false;
        for (DraftFile f : files) {
            if (f.intents().stream().anyMatch(i -> i.id().equals(intent.id()))) {
                changed.add(f.with(f.intents().stream().map(i -> i.id().equals(intent.id()) ? intent : i).toList()));
                placed = true;
            } else {
                changed.add(f);
            }
        }
        if (!placed) {
            int index = changed.stream().map(DraftFile::name).toList().indexOf(file);
            if (index < 0) {
                changed.add(new DraftFile(file, List.of(), List.of(intent), Optional.empty()));
            } else {
                DraftFile target = changed.get(index);
                List<Intent> intents = new ArrayList<>(target.intents());
                intents.add(intent);
                changed.set(index, target.with(intents));
            }
        }
        return withFiles(changed);
    }

    /** The draft without the intent; a file left without intents goes too (an empty file is refused by the loader). */
    Draft without(String intentId) {
        List<DraftFile> changed = new ArrayList<>();
        for (DraftFile f : files) {
            List<Intent> kept = f.intents().stream().filter(i -> !i.id().equals(intentId)).toList();
            if (kept.size() == f.intents().size()) {
                changed.add(f);
            } else if (!kept.isEmpty()) {
                changed.add(f.with(kept));
            }
        }
        return withFiles(changed);
    }

    /** The same draft, one change further, by {@code who}. */
    Draft changed(String who, Instant at) {
        return new Draft(id, files, basedOn, revision + 1, Optional.of(who), at);
    }

    Draft withFiles(List<DraftFile> changed) {
        return new Draft(id, changed, basedOn, revision, changedBy, changedAt);
    }
}
