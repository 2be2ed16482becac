package dev.baton.training;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a draft, as the loader reports it (file, line, message), and, where the line holds one, the
 * field it is about, so that a page can show the message next to that field.
 */
public record DraftProblem(String file, int line, String message, Optional<Field> field) {

    public DraftProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(field, "field");
    }

    /**
     * A place in an intent: {@code name} is one of the intent file's keys ({@code id, title, examples, answers,
     * followUps, handoff}); {@code language} is set inside {@code title}, {@code examples} and {@code answers};
     * {@code index} (from 0) names one text of a list or one follow-up.
     */
    public record Field(String intent, String name, Optional<String> language, Optional<Integer> index) {
        public Field {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(index, "index");
        }
    }
}
