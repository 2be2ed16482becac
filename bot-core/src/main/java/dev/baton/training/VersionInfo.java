package dev.baton.training;

import java.time.Instant;
import java.util.Objects;

/**
 * One published version of the intent database, without its files.
 *
 * @param number         1 for the first, then counting up
 * @param intentsVersion the content hash of its files, as the bot and {@code /actuator/health} show it
 * @param action         how it came: {@link TrainerAction#SEEDED} from the {@code intents/} folder at the first start,
 *                       {@link TrainerAction#PUBLISHED} from a draft, {@link TrainerAction#ROLLED_BACK} to an earlier
 *                       version's files, {@link TrainerAction#RELOADED} from a node's files
 * @param publishedBy    who published it ({@value #SEEDED_BY} for the first)
 * @param note           what the trainer said about it
 */
public record VersionInfo(int number, String intentsVersion, TrainerAction action, String publishedBy,
                          Instant publishedAt, String note) {

    /** Who published the first version: the node that started with the intents folder's files. */
    public static final String SEEDED_BY = "intents folder";

    public VersionInfo {
        Objects.requireNonNull(intentsVersion, "intentsVersion");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(publishedBy, "publishedBy");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(note, "note");
    }
}
