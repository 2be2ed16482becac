package dev.baton.training;

import java.util.List;
import java.util.Objects;

/**
 * The draft as a trainer sees it: its intents and files, its problems, and whether the database was published since
 * it was started (then publishing it would undo that publication's changes that the draft does not have).
 *
 * @param changes          what the draft changes in the database this node answers from
 * @param publishedVersion the version of the database the installation answers from now
 */
public record DraftView(Draft draft, List<DraftProblem> problems, IntentDiff changes, String publishedVersion) {

    public DraftView {
        Objects.requireNonNull(draft, "draft");
        problems = List.copyOf(problems);
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(publishedVersion, "publishedVersion");
    }

    /** Whether it can be published: it has no problems. */
    public boolean publishable() {
        return problems.isEmpty();
    }

    /** Whether another version was published since the draft was started. */
    public boolean behindPublished() {
        return !draft.basedOn().equals(publishedVersion);
    }
}
