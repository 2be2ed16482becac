package dev.baton.intents.rasa;

import dev.baton.intents.IntentFileProblem;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when Rasa files cannot be read at all; carries every problem found, so nothing is imported halfway. */
public final class UnreadableRasaFilesException extends RuntimeException {

    private final List<IntentFileProblem> problems;

    public UnreadableRasaFilesException(List<IntentFileProblem> problems) {
        super(problems.size() + " problem(s) in the Rasa files:\n" + problems.stream()
                .map(IntentFileProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<IntentFileProblem> problems() {
        return problems;
    }
}
