package dev.baton.intents.rasa;

import dev.baton.intents.IntentFileProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What one conversion found on its way: problems that stop it, and notes on what it could not carry over. */
final class Findings {

    private final List<IntentFileProblem> problems = new ArrayList<>();
    private final List<RasaImportNote> notes = new ArrayList<>();

    void problem(String file, int line, String message) {
        problems.add(new IntentFileProblem(file, line, message));
    }

    void note(String file, int line, String message) {
        notes.add(new RasaImportNote(file, line, message));
    }

    void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new UnreadableRasaFilesException(problems);
        }
    }

    /** By file and line, as a trainer goes through them. */
    List<RasaImportNote> notes() {
        return notes.stream().sorted(Comparator.comparing(RasaImportNote::file).thenComparingInt(RasaImportNote::line)).toList();
    }
}
