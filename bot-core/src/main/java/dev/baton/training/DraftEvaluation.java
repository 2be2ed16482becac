package dev.baton.training;

import dev.baton.engine.BotKnowledge;
import dev.baton.intents.IntentDatabase;
import dev.baton.nlu.ModelSettings;
import dev.baton.nlu.evaluation.CrossValidation;
import dev.baton.nlu.evaluation.ExampleSet;
import dev.baton.nlu.evaluation.LabelledExample;
import dev.baton.nlu.evaluation.Metrics;
import dev.baton.nlu.evaluation.Prediction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The draft measured against the published database, per language, as {@code evaluate} measures a database: every
 * example predicted by a model that never saw it (k-fold cross-validation), each side at its own model's confidence
 * floor; and the examples whose prediction the draft changes.
 *
 * @param published per language, the published database's figures
 * @param draft     per language, the draft's figures
 * @param changed   the draft's examples predicted otherwise than by the published database (another intent, or answered
 *                  where it was not, or the reverse), at most {@value #MAX_CHANGED}; an example the published database
 *                  lacks counts with what its model, which never saw it, predicts
 * @param moreChanged how many changed examples were left out beyond {@value #MAX_CHANGED}
 */
public record DraftEvaluation(Map<String, Figures> published, Map<String, Figures> draft, List<ChangedPrediction> changed,
                              int moreChanged) {

    public static final int FOLDS = 5;
    public static final int MAX_CHANGED = 200;

    public DraftEvaluation {
        published = Map.copyOf(published);
        draft = Map.copyOf(draft);
        changed = List.copyOf(changed);
    }

    /**
     * @param examples          how many examples the language has
     * @param top1              share whose best intent is right, whatever the threshold
     * @param answeredPrecision share of automatic answers that are right
     * @param answeredRate      share answered automatically
     */
    public record Figures(int examples, double top1, double answeredPrecision, double answeredRate) {
    }

    /**
     * One example the draft predicts otherwise.
     *
     * @param intent the example's intent in the draft
     * @param before what the published database predicts; {@code oos} for out-of-scope
     * @param after  what the draft predicts
     */
    public record ChangedPrediction(String text, String language, String intent, String before, boolean answeredBefore,
                                    String after, boolean answeredAfter) {
    }

    /** Held-out predictions of every example of {@code database} (the expensive part: {@value #FOLDS} trainings). */
    public static List<Prediction> crossValidate(IntentDatabase database, String defaultLanguage) {
        return CrossValidation.heldOutPredictions(ExampleSet.of(database), defaultLanguage, ModelSettings.DEFAULTS, FOLDS, false);
    }

    /**
     * @param publishedPredictions {@link #crossValidate} of the published database
     * @param draftPredictions     {@link #crossValidate} of the draft
     */
    public static DraftEvaluation compare(BotKnowledge published, List<Prediction> publishedPredictions, BotKnowledge draft,
                                          List<Prediction> draftPredictions) {
        Map<Example, Prediction> before = new HashMap<>();
        publishedPredictions.forEach(p -> before.put(Example.of(p.example()), p));
        List<ChangedPrediction> changed = new ArrayList<>();
        for (Prediction after : draftPredictions) {
            LabelledExample example = after.example();
            Prediction was = Optional.ofNullable(before.get(Example.of(example))).orElseGet(() ->
                    Prediction.of(example, published.classifier().classify(example.text(), example.language())));
            boolean answeredBefore = was.answered(published.confidenceFloor());
            boolean answeredAfter = after.answered(draft.confidenceFloor());
            if (!was.predicted().equals(after.predicted()) || answeredBefore != answeredAfter) {
                changed.add(new ChangedPrediction(example.text(), example.language(), example.intent(), was.predicted(),
                        answeredBefore, after.predicted(), answeredAfter));
            }
        }
        return new DraftEvaluation(figures(publishedPredictions, published.confidenceFloor()),
                figures(draftPredictions, draft.confidenceFloor()), changed.stream().limit(MAX_CHANGED).toList(),
                Math.max(0, changed.size() - MAX_CHANGED));
    }

    private static Map<String, Figures> figures(List<Prediction> predictions, double floor) {
        Map<String, List<Prediction>> byLanguage = new TreeMap<>();
        predictions.forEach(p -> byLanguage.computeIfAbsent(p.example().language(), l -> new ArrayList<>()).add(p));
        Map<String, Figures> figures = new TreeMap<>();
        byLanguage.forEach((language, inLanguage) -> {
            Metrics metrics = Metrics.of(inLanguage, floor);
            figures.put(language, new Figures(inLanguage.size(), metrics.top1Accuracy(), metrics.answeredPrecision(),
                    metrics.answeredRate()));
        });
        return figures;
    }

    /** An example as both databases may have it: the same text in the same language, whatever its intent. */
    private record Example(String text, String language) {
        static Example of(LabelledExample example) {
            return new Example(example.text(), example.language());
        }
    }
}
