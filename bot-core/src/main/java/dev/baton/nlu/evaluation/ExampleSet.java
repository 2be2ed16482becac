package dev.baton.nlu.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import dev.baton.intents.IntentDatabaseLoader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labelled messages for training or testing, read from an intents directory or YAML file, or from JSON Lines with
 * one {@code {"text": "...", "intent": "...", "lang": "..."}} per line ({@code lang} optional).
 *
 * @param examples the messages, in file order
 */
public record ExampleSet(List<LabelledExample> examples) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public ExampleSet {
        examples = List.copyOf(examples);
    }

    /**
     * @param path            an intents directory, a {@code .yaml}/{@code .yml} file, or a JSON Lines file
     * @param defaultLanguage the language of JSON Lines records without {@code lang}
     * @throws IllegalArgumentException naming the file and line of the first malformed record
     * @throws IOException              when the file cannot be read
     */
    public static ExampleSet read(Path path, String defaultLanguage) throws IOException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (Files.isDirectory(path) || name.endsWith(".yaml") || name.endsWith(".yml")) {
            return of(IntentDatabaseLoader.load(path));
        }
        if (!Files.isReadable(path)) {
            throw new IOException(path + ": cannot read this file");
        }
        List<LabelledExample> examples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    examples.add(parse(line, defaultLanguage, path + ":" + lineNumber));
                }
            }
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(path + ": no examples");
        }
        return new ExampleSet(examples);
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

    private static LabelledExample parse(String line, String defaultLanguage, String where) {
        JsonNode record;
        try {
            record = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(where + ": not a JSON object: " + e.getOriginalMessage(), e);
        }
        if (record == null || !record.isObject()) {
            throw new IllegalArgumentException(where + ": expected a JSON object with \"text\" and \"intent\"");
        }
        String text = requiredString(record, "text", where);
        String intent = requiredString(record, "intent", where);
        JsonNode language = record.get("lang");
        if (language != null && !language.isString()) {
            throw new IllegalArgumentException(where + ": \"lang\" must be a string");
        }
        return new LabelledExample(text, intent, language == null ? defaultLanguage : language.asString());
    }

    private static String requiredString(JsonNode record, String field, String where) {
        JsonNode value = record.get(field);
        if (value == null || !value.isString() || (field.equals("intent") && value.asString().isBlank())) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a non-empty string");
        }
        return value.asString();
    }
}
