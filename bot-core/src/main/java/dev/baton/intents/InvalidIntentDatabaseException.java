package dev.baton.intents;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when intent files have problems; carries every problem found, not only the first. */
public final class InvalidIntentDatabaseException extends RuntimeException {

    private final List<IntentFileProblem> problems;

    public InvalidIntentDatabaseException(List<IntentFileProblem> problems) {
        super(problems.size() + " problem(s) in the intent files:\n" + problems.stream()
                .map(IntentFileProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<IntentFileProblem> problems() {
        return problems;
    }
}
