package dev.baton.nlu.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;

/**
 * Labelled messages for training or testing (an intent database's examples, or a data set read from files by the
 * {@code evaluate} tool).
 *
 * @param examples the messages, in order
 */
public record ExampleSet(List<LabelledExample> examples) {

    public ExampleSet {
        examples = List.copyOf(examples);
    }

    /** Every example of every intent of a database, in every language. */
    public static ExampleSet of(IntentDatabase database) {
        List<LabelledExample> examples = new ArrayList<>();
        for (Intent intent : database.intents()) {
            // Sorted, so that cross-validation folds are the same in every run (Map.copyOf's order is not).
            new TreeMap<>(intent.examples()).forEach((language, texts) ->
                    texts.forEach(text -> examples.add(new LabelledExample(text, intent.id(), language))));
        }
        return new ExampleSet(examples);
    }

    /** A database with these examples (answers left empty), for training a model on them. */
    public IntentDatabase toDatabase() {
        Map<String, Map<String, List<String>>> byIntent = new LinkedHashMap<>();
        for (LabelledExample example : examples) {
            byIntent.computeIfAbsent(example.intent(), i -> new LinkedHashMap<>())
                    .computeIfAbsent(example.language(), l -> new ArrayList<>())
                    .add(example.text());
        }
        List<Intent> intents = byIntent.entrySet().stream()
                .map(e -> new Intent(e.getKey(), Map.of(), e.getValue(), Map.of(), List.of(), false))
                .toList();
        return new IntentDatabase(intents, "examples-" + Integer.toHexString(examples.hashCode()));
    }

    public ExampleSet filter(Predicate<LabelledExample> keep) {
        return new ExampleSet(examples.stream().filter(keep).toList());
    }

    public ExampleSet inScope() {
        return filter(LabelledExample::inScope);
    }

    public Set<String> languages() {
        Set<String> languages = new TreeSet<>();
        examples.forEach(e -> languages.add(e.language()));
        return languages;
    }

    public int size() {
        return examples.size();
    }
}
