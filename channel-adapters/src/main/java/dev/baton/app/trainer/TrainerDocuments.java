package dev.baton.app.trainer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.app.wire.MessageView;
import dev.baton.intents.Intent;
import dev.baton.intents.IntentFileProblem;
import dev.baton.intents.rasa.RasaImportReport;
import dev.baton.training.DraftEvaluation;
import dev.baton.training.DraftProblem;
import dev.baton.training.DraftView;
import dev.baton.training.IntentDiff;
import dev.baton.training.IntentVersion;
import dev.baton.training.Sandbox;
import dev.baton.training.VersionInfo;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON bodies of the trainer API, one record per shape, each made from its domain value in one place. Optional
 * values are left out when absent; maps from language to texts are sorted by language.
 */
final class TrainerDocuments {

    private TrainerDocuments() {
    }

    /** An intent as the trainer edits it; {@code file} is where it is written (for a new intent: where it goes). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IntentDocument(String id, String file, Map<String, String> title, Map<String, List<String>> examples,
                          Map<String, List<String>> answers, List<String> followUps, Boolean handoff, String team) {

        static IntentDocument of(Intent intent, String file) {
            return new IntentDocument(intent.id(), file, new TreeMap<>(intent.titles()), new TreeMap<>(intent.examples()),
                    new TreeMap<>(intent.answers()), intent.followUps(), intent.handoff(), intent.team().orElse(null));
        }

        /** The intent this body describes, under {@code id}; absent parts are empty. */
        Intent toIntent(String id) {
            return new Intent(id, present(title, "title"), present(examples, "examples"), present(answers, "answers"),
                    texts(followUps, "followUps"), Boolean.TRUE.equals(handoff), Optional.ofNullable(team).filter(t -> !t.isBlank()));
        }
    }

    /** One language of an intent: its title (absent or empty: none), examples and answers. */
    record LanguageDocument(String title, List<String> examples, List<String> answers) {
        List<String> exampleTexts() {
            return texts(examples, "examples");
        }

        List<String> answerTexts() {
            return texts(answers, "answers");
        }
    }

    /** A map from language to texts or a title; absent is empty, a null inside is refused with what it is. */
    private static <T> Map<String, T> present(Map<String, T> byLanguage, String field) {
        if (byLanguage == null) {
            return Map.of();
        }
        byLanguage.forEach((language, value) -> {
            if (value == null || value instanceof List<?> list && list.contains(null)) {
                throw new IllegalArgumentException("\"" + field + "\" in \"" + language + "\" is null; give a text, or leave the language out");
            }
        });
        return byLanguage;
    }

    /** A list of texts; absent is empty, a null inside is refused. */
    private static List<String> texts(List<String> texts, String field) {
        if (texts == null) {
            return List.of();
        }
        if (texts.contains(null)) {
            throw new IllegalArgumentException("\"" + field + "\" contains null; give texts only");
        }
        return texts;
    }

    /** One example to add to an intent, in a language. */
    record ExampleDocument(String language, String text) {
    }

    /** What a trainer says about a publication or a rollback. */
    record NoteDocument(String note) {
        String text() {
            return note == null ? "" : note.strip();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProblemDocument(String file, Integer line, String message, String intent, String field, String language,
                           Integer index) {

        static ProblemDocument of(DraftProblem problem) {
            var field = problem.field();
            return new ProblemDocument(problem.file(), problem.line() > 0 ? problem.line() : null, problem.message(),
                    field.map(DraftProblem.Field::intent).orElse(null), field.map(DraftProblem.Field::name).orElse(null),
                    field.flatMap(DraftProblem.Field::language).orElse(null), field.flatMap(DraftProblem.Field::index).orElse(null));
        }

        /** A problem with a request's field (a query parameter, a path variable or a field of its body). */
        static ProblemDocument ofField(String field, String message) {
            return new ProblemDocument(null, null, message, null, field, null, null);
        }

        static List<ProblemDocument> of(List<DraftProblem> problems) {
            return problems.stream().map(ProblemDocument::of).toList();
        }

        /** Problems of files that are no draft (the intent files on disk, uploaded files), with file and line only. */
        static List<ProblemDocument> ofFiles(List<IntentFileProblem> problems) {
            return problems.stream().map(problem -> new ProblemDocument(problem.file(),
                    problem.line() > 0 ? problem.line() : null, problem.message(), null, null, null, null)).toList();
        }
    }

    record DraftFileDocument(String name, List<String> intents, boolean changed) {
    }

    /**
     * The draft: {@code started} is false (revision 0) while there is none and these are the published files;
     * {@code changes} is what publishing it would change.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DraftDocument(boolean started, long revision, String basedOn, String publishedVersion, boolean behindPublished,
                         String changedBy, Instant changedAt, boolean publishable, List<ProblemDocument> problems,
                         DiffDocument changes, List<DraftFileDocument> files) {

        static DraftDocument of(DraftView view) {
            var draft = view.draft();
            return new DraftDocument(draft.revision() > 0, draft.revision(), draft.basedOn(), view.publishedVersion(),
                    view.behindPublished(), draft.changedBy().orElse(null), draft.revision() > 0 ? draft.changedAt() : null,
                    view.publishable(), ProblemDocument.of(view.problems()), DiffDocument.of(view.changes()),
                    draft.files().stream().map(f -> new DraftFileDocument(f.name(),
                            f.intents().stream().map(Intent::id).toList(), f.publishedContent().isEmpty())).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FieldChangeDocument(String field, String language, List<String> removed, List<String> added) {
    }

    record IntentChangeDocument(String intent, List<FieldChangeDocument> fields) {
    }

    record DiffDocument(List<String> added, List<String> removed, List<IntentChangeDocument> changed) {
        static DiffDocument of(IntentDiff diff) {
            return new DiffDocument(diff.added(), diff.removed(), diff.changed().stream()
                    .map(c -> new IntentChangeDocument(c.intent(), c.fields().stream()
                            .map(f -> new FieldChangeDocument(f.field(), f.language().orElse(null), f.removed(), f.added()))
                            .toList()))
                    .toList());
        }
    }

    /** {@code action}: seeded, published, rolled_back or reloaded. */
    record VersionDocument(int version, String intentsVersion, String action, String publishedBy, Instant publishedAt,
                           String note) {
        static VersionDocument of(VersionInfo info) {
            return new VersionDocument(info.number(), info.intentsVersion(), info.action().name().toLowerCase(Locale.ROOT),
                    info.publishedBy(), info.publishedAt(), info.note());
        }
    }

    record FileDocument(String name, String content) {
    }

    record VersionFilesDocument(VersionDocument version, List<FileDocument> files) {
        static VersionFilesDocument of(IntentVersion version) {
            return new VersionFilesDocument(VersionDocument.of(version.info()),
                    version.files().stream().map(f -> new FileDocument(f.name(), f.content())).toList());
        }
    }

    record VersionDiffDocument(int from, int to, DiffDocument changes) {
    }

    record DiscardedDocument(boolean discarded) {
    }

    record NoteImportedDocument(String file, int line, String message) {
    }

    /**
     * What a Rasa import did: the intents it added to the draft (in {@code file}), those still without answers, what it
     * could not carry over (by Rasa file and line), and the draft, whose problems include the unanswered intents.
     */
    record RasaImportDocument(String file, String language, List<String> intents, List<String> unanswered,
                              List<NoteImportedDocument> notImported, DraftDocument draft) {
        static RasaImportDocument of(String file, RasaImportReport report, DraftView draft) {
            return new RasaImportDocument(file, report.language(), report.intents().stream().map(Intent::id).toList(),
                    report.unanswered(), report.notImported().stream()
                            .map(note -> new NoteImportedDocument(note.file(), note.line(), note.message())).toList(),
                    DraftDocument.of(draft));
        }
    }

    /** A message to the draft's bot; {@code language} is the widget's hint, as a visitor's page would give it. */
    record SandboxRequest(String text, String language) {
    }

    /**
     * What the draft's bot does with a message: {@code decision} as the agent console's "Why" shows it, the
     * {@code answer} it would give, the intents it would offer ({@code options}) when it asks which one was meant.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SandboxDocument(String draftVersion, MessageView.DecisionView decision, String language, String answer,
                           List<String> options) {
        static SandboxDocument of(String draftVersion, Sandbox.Reply reply) {
            return new SandboxDocument(draftVersion, MessageView.DecisionView.of(reply.decision()), reply.language(),
                    reply.answer().orElse(null), reply.options());
        }
    }

    /** Shares in [0, 1] to three decimals; null where there is nothing to count (no answers, say). */
    record FiguresDocument(int examples, Double top1, Double answeredPrecision, Double answeredRate) {
        static FiguresDocument of(DraftEvaluation.Figures f) {
            return f == null ? null : new FiguresDocument(f.examples(), share(f.top1()), share(f.answeredPrecision()),
                    share(f.answeredRate()));
        }

        private static Double share(double value) {
            return Double.isNaN(value) ? null : Math.round(value * 1000) / 1000.0;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LanguageEvaluationDocument(FiguresDocument published, FiguresDocument draft) {
    }

    record ChangedPredictionDocument(String text, String language, String intent, String before, boolean answeredBefore,
                                     String after, boolean answeredAfter) {
        static ChangedPredictionDocument of(DraftEvaluation.ChangedPrediction c) {
            return new ChangedPredictionDocument(c.text(), c.language(), c.intent(), c.before(), c.answeredBefore(),
                    c.after(), c.answeredAfter());
        }
    }

    /** Per language, published and draft side by side; the examples whose prediction the draft changes. */
    record EvaluationDocument(String publishedVersion, String draftVersion, int folds,
                              Map<String, LanguageEvaluationDocument> languages, List<ChangedPredictionDocument> changed,
                              int moreChanged) {
        static EvaluationDocument of(String publishedVersion, String draftVersion, DraftEvaluation evaluation) {
            Map<String, LanguageEvaluationDocument> languages = new TreeMap<>();
            Set<String> all = new TreeSet<>(evaluation.published().keySet());
            all.addAll(evaluation.draft().keySet());
            all.forEach(language -> languages.put(language, new LanguageEvaluationDocument(
                    FiguresDocument.of(evaluation.published().get(language)), FiguresDocument.of(evaluation.draft().get(language)))));
            return new EvaluationDocument(publishedVersion, draftVersion, DraftEvaluation.FOLDS, languages,
                    evaluation.changed().stream().map(ChangedPredictionDocument::of).toList(), evaluation.moreChanged());
        }
    }

    /** Every refusal: a code a program can test, a sentence a person can read, and the problems when there are. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorDocument(String error, String message, List<ProblemDocument> problems) {
        ErrorDocument(String error, String message) {
            this(error, message, null);
        }
    }
}
