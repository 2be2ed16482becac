package dev.baton.intents;

import java.util.List;
import java.util.Objects;

/**
 * An installation's intent database as published: its files and their version, from which every node builds
 * the same database.
 */
public record PublishedIntents(String version, List<IntentDatabaseLoader.IntentSource> files) {

    public PublishedIntents {
        Objects.requireNonNull(version, "version");
        files = List.copyOf(files);
    }

    /** The files of {@code database}; refuses one built in code, which has none. */
    public static PublishedIntents of(IntentDatabase database) {
        if (database.sources().isEmpty()) {
            throw new IllegalArgumentException("intent database " + database.version() + " was built in code and has no files to publish");
        }
        return new PublishedIntents(database.version(), database.sources());
    }

    /**
     * Validates the files again, as this node's loader understands them.
     *
     * @throws InvalidIntentDatabaseException when this node finds problems (e.g. a newer node published a format
     *                                        this one does not know), or when they hash to another version
     */
    public IntentDatabase validate() {
        IntentDatabase database = IntentDatabaseLoader.parse(files);
        if (!database.version().equals(version)) {
            throw new InvalidIntentDatabaseException(List.of(new IntentFileProblem("(published)", 0,
                    "the published files are version " + version + " but read here as " + database.version())));
        }
        return database;
    }
}
