package dev.baton.app.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.baton.evaluation.ExpectedDecision;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.nlu.evaluation.ExampleSet;
import dev.baton.nlu.evaluation.LabelledExample;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads labelled messages from an intents directory or YAML file, or from JSON Lines with one
 * {@code {"text": "...", "intent": "...", "lang": "..."}} per line ({@code lang} optional).
 */
public final class ExampleFiles {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ExampleFiles() {
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
            return ExampleSet.of(IntentDatabaseLoader.load(path));
        }
        List<LabelledExample> examples = jsonLines(path).stream()
                .map(line -> example(line.record(), defaultLanguage, line.where()))
                .toList();
        return new ExampleSet(examples);
    }

    /**
     * Messages labelled with what a careful agent would do ({@link ExpectedDecision}): JSON Lines of
     * {@code {"text", "intent", "lang"?, "alsoRight"?}}, checked against the database they are judged with.
     *
     * @throws IllegalArgumentException naming the file and line of the first malformed record or unknown label
     * @throws IOException              when the file cannot be read
     */
    public static List<ExpectedDecision> readDecisions(Path path, String defaultLanguage, IntentDatabase intents)
            throws IOException {
        List<ExpectedDecision> expected = new ArrayList<>();
        for (JsonLine line : jsonLines(path)) {
            expected.add(ExpectedDecision.checked(example(line.record(), defaultLanguage, line.where()),
                    alsoRight(line.record(), line.where()), line.where(), intents));
        }
        return expected;
    }

    /** One record of a JSON Lines file, and where it is ("file:line") for error messages. */
    private record JsonLine(JsonNode record, String where) {
    }

    private static List<JsonLine> jsonLines(Path path) throws IOException {
        if (!Files.isReadable(path)) {
            throw new IOException(path + ": cannot read this file");
        }
        List<JsonLine> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    String where = path + ":" + lineNumber;
                    lines.add(new JsonLine(object(line, where), where));
                }
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(path + ": no examples");
        }
        return lines;
    }

    private static List<String> alsoRight(JsonNode record, String where) {
        JsonNode list = record.get("alsoRight");
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + ": \"alsoRight\" must be a list");
        }
        List<String> outcomes = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isString()) {
                throw new IllegalArgumentException(where + ": \"alsoRight\" must list texts, but has " + item);
            }
            outcomes.add(item.asString());
        }
        return outcomes;
    }

    private static JsonNode object(String line, String where) {
        JsonNode record;
        try {
            record = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(where + ": not a JSON object: " + e.getOriginalMessage(), e);
        }
        if (record == null || !record.isObject()) {
            throw new IllegalArgumentException(where + ": expected a JSON object with \"text\" and \"intent\"");
        }
        return record;
    }

    private static LabelledExample example(JsonNode record, String defaultLanguage, String where) {
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
