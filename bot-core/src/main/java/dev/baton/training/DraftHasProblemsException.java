package dev.baton.training;

import java.util.List;

/** A draft with problems cannot be published (nor chatted with): nothing changed. */
public final class DraftHasProblemsException extends RuntimeException {

    private final List<DraftProblem> problems;

    public DraftHasProblemsException(List<DraftProblem> problems) {
        super("the draft has " + problems.size() + " problem(s); fix them first");
        this.problems = List.copyOf(problems);
    }

    public List<DraftProblem> problems() {
        return problems;
    }
}
