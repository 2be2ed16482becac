package dev.baton.nlu.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.baton.nlu.IntentModel;
import dev.baton.nlu.ModelSettings;

/** Predictions for every example by a model that never saw it: k-fold cross-validation, stratified by intent. */
public final class CrossValidation {

    /** Fixed, so that a trainer rerunning an evaluation gets the same folds and the same numbers. */
    private static final long SEED = 42;

    private CrossValidation() {
    }

    /**
     * @param holdOutIntents when true, fold i also leaves 1/folds of the intents out of training entirely and expects
     *                       their examples to go unanswered, as out-of-scope messages
     */
    public static List<Prediction> heldOutPredictions(ExampleSet examples, String defaultLanguage, ModelSettings settings,
                                                      int folds, boolean holdOutIntents) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        Map<LabelledExample, Integer> foldOf = stratifiedFolds(examples, folds);
        Map<String, Integer> intentFold = intentFolds(examples, folds);
        // Folds are independent: training them in parallel uses every core.
        return IntStream.range(0, folds).parallel()
                .mapToObj(fold -> predictFold(examples, defaultLanguage, settings, foldOf, fold,
                        holdOutIntents ? intentsOf(intentFold, fold) : Set.of()))
                .flatMap(List::stream)
                .toList();
    }

    private static List<Prediction> predictFold(ExampleSet examples, String defaultLanguage, ModelSettings settings,
                                                Map<LabelledExample, Integer> foldOf, int fold, Set<String> unknownIntents) {
        ExampleSet training = examples.filter(e -> foldOf.get(e) != fold && !unknownIntents.contains(e.intent()));
        IntentModel model = IntentModel.train(training.toDatabase(), defaultLanguage, settings);
        List<Prediction> predictions = new ArrayList<>();
        for (LabelledExample example : examples.examples()) {
            if (foldOf.get(example) == fold) {
                LabelledExample expected = unknownIntents.contains(example.intent())
                        ? new LabelledExample(example.text(), LabelledExample.OUT_OF_SCOPE, example.language())
                        : example;
                predictions.add(Prediction.of(expected, model.classify(example.text(), example.language())));
            }
        }
        return predictions;
    }

    private static Set<String> intentsOf(Map<String, Integer> intentFold, int fold) {
        return intentFold.entrySet().stream().filter(e -> e.getValue() == fold).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static Map<LabelledExample, Integer> stratifiedFolds(ExampleSet examples, int folds) {
        Map<String, List<LabelledExample>> byIntent = new LinkedHashMap<>();
        examples.examples().forEach(e -> byIntent.computeIfAbsent(e.intent(), i -> new ArrayList<>()).add(e));
        Random random = new Random(SEED);
        Map<LabelledExample, Integer> foldOf = new HashMap<>();
        int next = 0;
        for (List<LabelledExample> intentExamples : byIntent.values()) {
            List<LabelledExample> shuffled = new ArrayList<>(intentExamples);
            Collections.shuffle(shuffled, random);
            for (LabelledExample example : shuffled) {
                foldOf.putIfAbsent(example, next++ % folds);
            }
        }
        return foldOf;
    }

    private static Map<String, Integer> intentFolds(ExampleSet examples, int folds) {
        List<String> intents = new ArrayList<>(examples.inScope().examples().stream()
                .map(LabelledExample::intent).distinct().toList());
        Collections.shuffle(intents, new Random(SEED));
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < intents.size(); i++) {
            foldOf.put(intents.get(i), i % folds);
        }
        return foldOf;
    }
}
