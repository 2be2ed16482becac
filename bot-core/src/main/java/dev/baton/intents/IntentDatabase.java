package dev.baton.intents;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated, immutable set of intents. Only {@link IntentDatabaseLoader} builds one from files, so a
 * database in hand is always complete and consistent.
 */
public final class IntentDatabase {

    private final Map<String, Intent> intentsById;
    private final Set<String> languages;
    private final String version;
    private final List<IntentDatabaseLoader.IntentSource> sources;
    private final Map<String, String> fileOfIntent;

    /** A database built in code (tests, evaluation): it has no files, so it cannot be published to other nodes. */
    public IntentDatabase(Collection<Intent> intents, String version) {
        this(intents, version, List.of(), Map.of());
    }

    /**
     * @param sources      the files the intents were validated from, in order; {@code version} is their hash
     * @param fileOfIntent the name of the file each intent was written in, by intent id
     */
    public IntentDatabase(Collection<Intent> intents, String version, List<IntentDatabaseLoader.IntentSource> sources,
                          Map<String, String> fileOfIntent) {
        Map<String, Intent> byId = new LinkedHashMap<>();
        for (Intent intent : intents) {
            if (byId.putIfAbsent(intent.id(), intent) != null) {
                throw new IllegalArgumentException("duplicate intent id " + intent.id());
            }
        }
        this.intentsById = java.util.Collections.unmodifiableMap(byId);
        Set<String> allLanguages = new TreeSet<>();
        byId.values().forEach(i -> allLanguages.addAll(i.languages()));
        // Asked for every message, so computed once.
        this.languages = java.util.Collections.unmodifiableSet(allLanguages);
        this.version = version;
        this.sources = List.copyOf(sources);
        this.fileOfIntent = Map.copyOf(fileOfIntent);
    }

    public List<Intent> intents() {
        return List.copyOf(intentsById.values());
    }

    public Optional<Intent> find(String id) {
        return Optional.ofNullable(intentsById.get(id));
    }

    /** Every language that at least one intent has examples in, sorted. */
    public Set<String> languages() {
        return languages;
    }

    /** A short content hash, so that trainers and logs can tell which database a model was trained from. */
    public String version() {
        return version;
    }

    /**
     * The files this database was validated from, in order, so that another node can build exactly the same one;
     * empty for a database built in code.
     */
    public List<IntentDatabaseLoader.IntentSource> sources() {
        return sources;
    }

    /** The file the intent was written in; empty for an unknown intent or a database built in code. */
    public Optional<String> fileOf(String intentId) {
        return Optional.ofNullable(fileOfIntent.get(intentId));
    }

    public int size() {
        return intentsById.size();
    }
}
