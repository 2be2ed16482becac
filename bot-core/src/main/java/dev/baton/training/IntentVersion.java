package dev.baton.training;

import dev.baton.intents.IntentDatabaseLoader.IntentSource;

import java.util.List;
import java.util.Objects;

/** A published version with its files, exactly as they were published. */
public record IntentVersion(VersionInfo info, List<IntentSource> files) {

    public IntentVersion {
        Objects.requireNonNull(info, "info");
        files = List.copyOf(files);
    }
}
