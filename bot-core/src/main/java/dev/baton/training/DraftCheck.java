package dev.baton.training;

import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.intents.InvalidIntentDatabaseException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A draft validated by the same loader that reads the {@code intents/} folder at start-up: either the database it
 * makes, or every problem, each with its file and line and, where the line holds one, its field.
 */
public record DraftCheck(Optional<IntentDatabase> database, List<DraftProblem> problems) {

    public DraftCheck {
        problems = List.copyOf(problems);
    }

    public static DraftCheck of(Draft draft) {
        try {
            return new DraftCheck(Optional.of(IntentDatabaseLoader.parse(draft.sources())), List.of());
        } catch (InvalidIntentDatabaseException invalid) {
            Map<String, FieldLines> lines = new HashMap<>();
            List<DraftProblem> problems = invalid.problems().stream()
                    .map(p -> new DraftProblem(p.file(), p.line(), p.message(), lines.computeIfAbsent(p.file(),
                            file -> draft.files().stream().filter(f -> f.name().equals(file)).findFirst()
                                    .map(f -> FieldLines.of(f.content())).orElse(FieldLines.of(""))).at(p.line())))
                    .toList();
            return new DraftCheck(Optional.empty(), problems);
        }
    }

    /** The database, for a draft without problems; {@link DraftHasProblemsException} otherwise. */
    public IntentDatabase publishable() {
        return database.orElseThrow(() -> new DraftHasProblemsException(problems));
    }
}
