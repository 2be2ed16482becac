package dev.baton.intents;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Loads the FAQ intent database that bot trainers keep in git as YAML, and validates it completely.
 *
 * <p>Loading either returns a complete {@link IntentDatabase} or throws an {@link InvalidIntentDatabaseException}
 * that lists <em>every</em> problem found in all files (not only the first), each with its file and 1-based line.
 * A broken upload never yields a half-valid database.
 *
 * <h2>File format</h2>
 * <pre>{@code
 * intents:
 *   - id: order_status            # required, [a-z0-9_]+, unique across all files
 *     title: {en: "Where is my order?", it: "Dov'è il mio ordine?"}   # optional: language -> button label
 *     examples:                   # required: language -> non-empty list of what customers say
 *       en: [where is my order, track my parcel]
 *       it: [dov'è il mio ordine]
 *     answers:                    # required for every language that has examples: language -> non-empty list
 *       en: ["You can follow your order at ..."]
 *     followUps: [delivery_times] # optional: ids of other intents offered as quick replies
 *     handoff: true               # optional, default false: always hand this intent to a human
 *     team: billing               # optional: the team that takes it when handed to people
 * }</pre>
 * The intent {@code oos} ({@link Intent#OUT_OF_SCOPE}) is the exception: it lists what the bot should not answer
 * (questions about anything else), has examples only, and is never answered.
 * SnakeYAML reads YAML 1.1, where an unquoted text inside {@code [ ]} or {@code { }} ends at a {@code ?}: write
 * {@code ["where is my order?"]} with quotes, or put the list on lines starting with {@code - } (the loader explains
 * this when it happens). YAML tags ({@code !!java...}) are refused.
 * Language codes are two lowercase letters ({@code en}, {@code it}, {@code lt}, {@code fa}). Answers in a language
 * without examples are allowed. An example may belong to one intent only: examples are compared after Unicode NFKC
 * normalisation, lower-casing, collapsing whitespace and dropping trailing {@code ? ! . ؟}. Inside one intent the same
 * example twice in the same language is reported as a duplicate (the same word in two languages is fine).
 * A file may be at most {@value #MAX_FILE_BYTES} bytes, an example, answer or title at most
 * {@value #MAX_TEXT_LENGTH} characters.
 *
 * <p>The YAML is only <em>composed</em> into nodes (never constructed into objects), so no tag in a file can make
 * the loader instantiate anything; node positions give every problem its line.
 */
public final class IntentDatabaseLoader {

    /** The largest intent file accepted: 2 MB. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    /** The longest example, answer or title accepted, in characters (Unicode code points). */
    public static final int MAX_TEXT_LENGTH = 2_000;

    private static final Pattern ID = Pattern.compile("[a-z0-9_]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[?!.؟\\s]+$");
    private static final List<String> INTENT_KEYS =
            List.of("id", "title", "examples", "answers", "followUps", "handoff", "team");
    private static final String ALLOWED_INTENT_KEYS = String.join(", ", INTENT_KEYS);
    private static final String YAML_HINT =
            "check the indentation, and put texts that contain \": \" or \" #\" or start with a special character in quotes";

    /** One intent file as text, e.g. from a git checkout or from the trainer API. */
    public record IntentSource(String name, String content) {
        public IntentSource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }
    }

    private IntentDatabaseLoader() {
    }

    /**
     * Loads a directory (every {@code *.yaml}/{@code *.yml} file in it and its sub-directories, in sorted order,
     * skipping hidden files and directories such as {@code .git}) or a single YAML file.
     *
     * @throws InvalidIntentDatabaseException listing every problem, when anything is wrong
     */
    public static IntentDatabase load(Path path) {
        Objects.requireNonNull(path, "path");
        Run run = new Run();
        if (!Files.exists(path)) {
            run.problem(path.toString(), 0, "this file or folder does not exist");
            run.throwIfProblems();
        }
        List<IntentSource> sources = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> files = yamlFilesIn(path, run);
            if (files.isEmpty()) {
                run.problem(path.toString(), 0, "this folder contains no intent files (*.yaml or *.yml)");
            }
            for (Path file : files) {
                read(file, relativeName(path, file), run, sources);
            }
        } else {
            read(path, String.valueOf(path.getFileName()), run, sources);
        }
        return run.check(sources);
    }

    /**
     * Validates and builds the database from in-memory files, in the given order.
     *
     * @throws InvalidIntentDatabaseException listing every problem, when anything is wrong
     */
    public static IntentDatabase parse(List<IntentSource> sources) {
        Objects.requireNonNull(sources, "sources");
        Run run = new Run();
        if (sources.isEmpty()) {
            run.problem("(no files)", 0, "there are no intent files");
        }
        return run.check(sources);
    }

    // ---------------------------------------------------------------------------------------------- files

    private static List<Path> yamlFilesIn(Path directory, Run run) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> !isHidden(directory, p))
                    .filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".yaml") || name.endsWith(".yml");
                    })
                    .sorted(Comparator.comparing(p -> relativeName(directory, p)))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            run.problem(directory.toString(), 0, "the folder could not be read: " + e.getMessage());
            return List.of();
        }
    }

    private static boolean isHidden(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String relativeName(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static void read(Path file, String name, Run run, List<IntentSource> sources) {
        run.files.add(name);
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                run.tooLarge(name, size);
                return;
            }
            sources.add(new IntentSource(name, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (CharacterCodingException e) {
            run.unreadable(name, "the file is not UTF-8 text; save it with UTF-8 encoding");
        } catch (IOException e) {
            run.unreadable(name, "the file could not be read: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------- one run

    /** A text with the line it was written on. */
    private record Located(String text, int line) {
    }

    /** The entries written under one language of {@code examples}, {@code answers}. */
    private record LanguageEntry(int line, List<Located> texts) {
    }

    /** An intent as read from a file, kept even when it has problems so that cross-file checks can still run. */
    private static final class Draft {
        final String file;
        final int line;
        final int number;
        String id;             // raw scalar value, valid or not; null when missing or not a single value
        boolean idValid;
        int idLine;
        final Map<String, String> titles = new LinkedHashMap<>();
        final Map<String, LanguageEntry> examples = new LinkedHashMap<>();
        final Map<String, LanguageEntry> answers = new LinkedHashMap<>();
        final List<Located> followUps = new ArrayList<>();
        boolean handoff;
        String team;

        Draft(String file, int line, int number) {
            this.file = file;
            this.line = line;
            this.number = number;
        }

        String label() {
            return id != null ? "intent \"" + id + "\"" : "intent number " + number + " (it has no id)";
        }

        Intent toIntent() {
            return new Intent(id, titles, texts(examples), texts(answers),
                    followUps.stream().map(Located::text).toList(), handoff, Optional.ofNullable(team));
        }

        private static Map<String, List<String>> texts(Map<String, LanguageEntry> byLanguage) {
            Map<String, List<String>> result = new LinkedHashMap<>();
            byLanguage.forEach((language, entry) ->
                    result.put(language, entry.texts().stream().map(Located::text).toList()));
            return result;
        }
    }

    private static final class Run {
        final List<String> files = new ArrayList<>();
        final List<IntentFileProblem> problems = new ArrayList<>();
        final List<Draft> drafts = new ArrayList<>();
        /** False when some file could not be read or some intents could not even be found in it (not their ids). */
        boolean everyIntentKnown = true;

        void problem(String file, int line, String message) {
            problems.add(new IntentFileProblem(file, line, message));
        }

        void tooLarge(String file, long bytes) {
            unreadable(file, String.format(Locale.ROOT,
                    "the file is %.1f MB; the limit is 2 MB, split it into several files", bytes / (1024.0 * 1024.0)));
        }

        void unreadable(String file, String message) {
            problem(file, 0, message);
            everyIntentKnown = false;
        }

        IntentDatabase check(List<IntentSource> sources) {
            for (IntentSource source : sources) {
                if (!files.contains(source.name())) {
                    files.add(source.name());
                }
                checkSource(source);
            }
            checkAcrossIntents();
            throwIfProblems();
            Map<String, String> fileOfIntent = new HashMap<>();
            drafts.forEach(draft -> fileOfIntent.put(draft.id, draft.file));
            return new IntentDatabase(drafts.stream().map(Draft::toIntent).toList(), version(sources), sources, fileOfIntent);
        }

        Map<String, NodeTuple> entries(String file, MappingNode mapping, String where) {
            return IntentDatabaseLoader.entries(file, mapping, where, this);
        }

        void throwIfProblems() {
            if (problems.isEmpty()) {
                return;
            }
            List<IntentFileProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt((IntentFileProblem p) -> files.indexOf(p.file()))
                    .thenComparingInt(IntentFileProblem::line));
            throw new InvalidIntentDatabaseException(sorted);
        }

        // ------------------------------------------------------------------------------------------ one file

        void checkSource(IntentSource source) {
            String file = source.name();
            String content = source.content();
            long bytes = utf8Length(content);
            if (bytes > MAX_FILE_BYTES) {
                tooLarge(file, bytes);
                return;
            }
            List<Node> documents = new ArrayList<>();
            try {
                LoaderOptions options = new LoaderOptions();
                options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both lines
                options.setMaxAliasesForCollections(50);
                for (Node document : new Yaml(options).composeAll(new StringReader(content))) {
                    documents.add(document);
                }
            } catch (MarkedYAMLException e) {
                syntaxProblem(file, e);
                return;
            } catch (ReaderException e) {
                problem(file, lineAtCodePoint(content, e.getPosition()), String.format(Locale.ROOT,
                        "the file contains a character that is not allowed in YAML (U+%04X); remove it",
                        e.getCodePoint()));
                everyIntentKnown = false;
                return;
            } catch (YAMLException e) {
                unreadable(file, "the file could not be read as YAML: " + e.getMessage());
                return;
            }
            if (documents.isEmpty() || isNull(documents.get(0)) && documents.size() == 1) {
                problem(file, 0, "the file is empty; it must start with \"intents:\" followed by a list of intents");
                return;
            }
            if (documents.size() > 1) {
                problem(file, line(documents.get(1)), "the file contains a second YAML document (after a \"---\" "
                        + "line); put all intents under the one \"intents:\" list");
            }
            checkDocument(file, documents.get(0));
        }

        private void syntaxProblem(String file, MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark != null ? mark.getLine() + 1 : 0;
            everyIntentKnown = false;
            String problem = e.getProblem() == null ? "" : e.getProblem();
            if (problem.matches("expected ',' or '[]}]', but got \\?")) {
                // SnakeYAML follows YAML 1.1 here: inside [ ] and { } an unquoted text ends at '?'.
                problem(file, line, "a text inside [ ] or { } contains \"?\"; put that text in quotes, like "
                        + "[\"where is my order?\"], or write the list on lines starting with \"- \"");
                return;
            }
            if (problem.startsWith("Global tag is not allowed")) {
                problem(file, line, "YAML tags such as \"!!java...\" are not allowed in intent files; remove the tag");
                return;
            }
            StringBuilder message = new StringBuilder("the YAML is broken here");
            if (e.getProblem() != null) {
                message.append(" (").append(e.getProblem().strip()).append(')');
            }
            Mark context = e.getContextMark();
            if (context != null && context.getLine() + 1 != line && e.getContext() != null) {
                message.append(", in what starts on line ").append(context.getLine() + 1);
            }
            message.append("; ").append(YAML_HINT);
            problem(file, line, message.toString());
        }

        private void checkDocument(String file, Node root) {
            if (!(root instanceof MappingNode mapping)) {
                problem(file, line(root), "the file must start with \"intents:\" followed by a list of intents, "
                        + "but it is " + describe(root));
                everyIntentKnown = false;
                return;
            }
            Map<String, NodeTuple> entries = entries(file, mapping, "");
            for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
                if (!entry.getKey().equals("intents")) {
                    problem(file, line(entry.getValue().getKeyNode()), "unknown key \"" + entry.getKey() + "\""
                            + didYouMean(entry.getKey(), List.of("intents"))
                            + "; at the top of the file only \"intents:\" is allowed");
                }
            }
            NodeTuple intents = entries.get("intents");
            if (intents == null) {
                problem(file, line(root), "the file has no \"intents:\" list");
                everyIntentKnown = false;
                return;
            }
            Node value = intents.getValueNode();
            if (isNull(value)) {
                problem(file, line(intents.getKeyNode()), "\"intents:\" is empty; list the intents under it, "
                        + "each starting with \"- id:\"");
                return;
            }
            if (!(value instanceof SequenceNode list)) {
                problem(file, line(value), "\"intents\" must be a list of intents, each starting with \"- id:\", "
                        + "but it is " + describe(value));
                everyIntentKnown = false;
                return;
            }
            if (list.getValue().isEmpty()) {
                problem(file, line(intents.getKeyNode()), "the intents list is empty");
                return;
            }
            int number = 0;
            for (Node item : list.getValue()) {
                checkIntent(file, item, ++number);
            }
        }

        // ------------------------------------------------------------------------------------------ one intent

        private void checkIntent(String file, Node node, int number) {
            if (!(node instanceof MappingNode mapping)) {
                problem(file, line(node), "intent number " + number + " must be a map with lines such as "
                        + "\"id:\", \"examples:\" and \"answers:\", but it is " + describe(node));
                everyIntentKnown = false;
                return;
            }
            Draft draft = new Draft(file, line(node), number);
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("id")
                        && tuple.getValueNode() instanceof ScalarNode value && !isNull(value)) {
                    draft.id = value.getValue().strip();
                    break;
                }
            }
            String label = draft.label();
            Map<String, NodeTuple> entries = entries(file, mapping, label + ": ");
            for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
                if (!INTENT_KEYS.contains(entry.getKey())) {
                    problem(file, line(entry.getValue().getKeyNode()), label + ": unknown key \"" + entry.getKey()
                            + "\"" + didYouMean(entry.getKey(), INTENT_KEYS)
                            + "; the allowed keys are " + ALLOWED_INTENT_KEYS);
                }
            }
            checkId(draft, entries.get("id"));
            checkTitles(draft, entries.get("title"));

            NodeTuple examples = entries.get("examples");
            if (examples == null) {
                problem(file, draft.line, label + ": has no examples; add \"examples:\" with at least one "
                        + "language, like  en: [where is my order]");
            } else {
                readTexts(draft, examples, "example", draft.examples);
            }
            NodeTuple answers = entries.get("answers");
            if (Intent.OUT_OF_SCOPE.equals(draft.id)) {
                if (answers != null) {
                    problem(file, line(answers.getKeyNode()), label + ": the out-of-scope class is never answered "
                            + "(the bot says it did not understand); remove its answers");
                }
            } else if (answers == null) {
                problem(file, draft.line, label + ": has no answers; add \"answers:\" with at least one "
                        + "language, like  en: [\"You can follow your order at ...\"]");
            } else {
                readTexts(draft, answers, "answer", draft.answers);
                draft.examples.forEach((language, entry) -> {
                    if (!draft.answers.containsKey(language)) {
                        problem(file, entry.line(), label + ": language \"" + language
                                + "\" has examples but no answers");
                    }
                });
            }
            checkDuplicateExamplesWithin(draft);
            checkFollowUps(draft, entries.get("followUps"));
            checkHandoff(draft, entries.get("handoff"));
            checkTeam(draft, entries.get("team"));
            drafts.add(draft);
        }

        private void checkId(Draft draft, NodeTuple id) {
            String label = draft.label();
            if (id == null) {
                problem(draft.file, draft.line, label + ": add an id, like  id: order_status");
                return;
            }
            Node value = id.getValueNode();
            if (isNull(value)) {
                problem(draft.file, line(id.getKeyNode()), label + ": the id is empty; write one, like  "
                        + "id: order_status");
            } else if (!(value instanceof ScalarNode)) {
                problem(draft.file, line(value), label + ": the id must be a single name like order_status, "
                        + "but it is " + describe(value));
            } else if (!ID.matcher(draft.id).matches()) {
                problem(draft.file, line(value), label + ": the id \"" + draft.id + "\" is not valid; use only "
                        + "lowercase letters a-z, digits and underscores, like order_status");
            } else {
                draft.idValid = true;
                draft.idLine = line(value);
            }
        }

        private void checkTitles(Draft draft, NodeTuple title) {
            if (title == null) {
                return;
            }
            String where = draft.label() + ": ";
            Node value = title.getValueNode();
            if (!(value instanceof MappingNode mapping)) {
                problem(draft.file, line(isNull(value) ? title.getKeyNode() : value), where
                        + "\"title\" must be a map from language to a short label, like  "
                        + "title: {en: \"Where is my order?\"}, but it is " + describe(value));
                return;
            }
            for (Map.Entry<String, NodeTuple> entry : entries(draft.file, mapping, where + "in \"title\", ").entrySet()) {
                String language = entry.getKey();
                boolean validLanguage = checkLanguage(draft, entry.getValue().getKeyNode(), language, "title");
                Node text = entry.getValue().getValueNode();
                String what = "the title in \"" + language + "\"";
                if (isNull(text)) {
                    problem(draft.file, line(entry.getValue().getKeyNode()), where + what + " is empty");
                } else if (!(text instanceof ScalarNode scalar)) {
                    problem(draft.file, line(text), where + what + " must be a text, but it is " + describe(text));
                } else if (checkText(draft, scalar, what) && validLanguage) {
                    draft.titles.put(language, scalar.getValue().strip());
                }
            }
        }

        /** Reads {@code examples:} or {@code answers:} (language -> list of texts) into {@code into}. */
        private void readTexts(Draft draft, NodeTuple tuple, String kind, Map<String, LanguageEntry> into) {
            String key = kind + "s";
            String where = draft.label() + ": ";
            Node value = tuple.getValueNode();
            String shape = "\"" + key + "\" must be a map from language to a list of " + key + ", like  "
                    + (kind.equals("example") ? "en: [where is my order]" : "en: [\"You can follow your order at ...\"]");
            if (!(value instanceof MappingNode mapping)) {
                problem(draft.file, line(isNull(value) ? tuple.getKeyNode() : value),
                        where + shape + ", but it is " + describe(value));
                return;
            }
            if (mapping.getValue().isEmpty()) {
                problem(draft.file, line(tuple.getKeyNode()), where + "\"" + key + "\" is empty; add at least one language");
                return;
            }
            for (Map.Entry<String, NodeTuple> entry : entries(draft.file, mapping, where + "in \"" + key + "\", ").entrySet()) {
                String language = entry.getKey();
                Node keyNode = entry.getValue().getKeyNode();
                boolean validLanguage = checkLanguage(draft, keyNode, language, key);
                String in = "the " + key + " in \"" + language + "\"";
                Node list = entry.getValue().getValueNode();
                List<Located> texts = new ArrayList<>();
                if (isNull(list)) {
                    problem(draft.file, line(keyNode), where + in + " are missing; add at least one " + kind);
                } else if (!(list instanceof SequenceNode sequence)) {
                    problem(draft.file, line(list), where + in + " must be a list (in [ ] or on lines starting "
                            + "with \"- \"), but it is " + describe(list));
                } else if (sequence.getValue().isEmpty()) {
                    problem(draft.file, line(keyNode), where + in + " are an empty list; add at least one " + kind);
                } else {
                    for (Node item : sequence.getValue()) {
                        String what = "an " + kind + " in \"" + language + "\"";
                        if (isNull(item)) {
                            problem(draft.file, line(item), where + what + " is empty");
                        } else if (item instanceof MappingNode) {
                            problem(draft.file, line(item), where + what + " must be a text, but it is a map; "
                                    + "if the text contains \": \", put it in quotes");
                        } else if (!(item instanceof ScalarNode scalar)) {
                            problem(draft.file, line(item), where + what + " must be a text, but it is " + describe(item));
                        } else if (checkText(draft, scalar, what)) {
                            texts.add(new Located(scalar.getValue().strip(), line(scalar)));
                        }
                    }
                }
                if (validLanguage) {
                    into.put(language, new LanguageEntry(line(keyNode), texts));
                }
            }
        }

        private boolean checkLanguage(Draft draft, Node keyNode, String language, String key) {
            if (LANGUAGE.matcher(language).matches()) {
                return true;
            }
            problem(draft.file, line(keyNode), draft.label() + ": in \"" + key + "\", \"" + language
                    + "\" is not a language code; use two lowercase letters such as en, it, lt, fa");
            return false;
        }

        /** Empty and over-long texts; returns whether the text is usable. */
        private boolean checkText(Draft draft, ScalarNode scalar, String what) {
            String text = scalar.getValue().strip();
            if (text.isEmpty()) {
                problem(draft.file, line(scalar), draft.label() + ": " + what + " is empty");
                return false;
            }
            int length = text.codePointCount(0, text.length());
            if (length > MAX_TEXT_LENGTH) {
                problem(draft.file, line(scalar), draft.label() + ": " + what + " is " + length
                        + " characters long; the limit is " + MAX_TEXT_LENGTH);
                return false;
            }
            return true;
        }

        private void checkDuplicateExamplesWithin(Draft draft) {
            draft.examples.forEach((language, entry) -> {
                Map<String, Located> seen = new HashMap<>();
                for (Located example : entry.texts()) {
                    String key = exampleKey(example.text());
                    Located first = seen.putIfAbsent(key, example);
                    if (first != null && !key.isEmpty()) {
                        problem(draft.file, example.line(), draft.label() + ": the example \"" + example.text()
                                + "\" appears twice in \"" + language + "\" (also on line " + first.line()
                                + "); remove one");
                    }
                }
            });
        }

        private void checkFollowUps(Draft draft, NodeTuple followUps) {
            if (followUps == null) {
                return;
            }
            String where = draft.label() + ": ";
            Node value = followUps.getValueNode();
            if (!(value instanceof SequenceNode list)) {
                problem(draft.file, line(isNull(value) ? followUps.getKeyNode() : value), where + "\"followUps\" "
                        + "must be a list of intent ids, like  followUps: [delivery_times], but it is " + describe(value));
                return;
            }
            Map<String, Located> seen = new HashMap<>();
            for (Node item : list.getValue()) {
                if (isNull(item) || !(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                    problem(draft.file, line(item), where + "each follow-up must be an intent id, but this one is "
                            + describe(item));
                    continue;
                }
                Located followUp = new Located(scalar.getValue().strip(), line(scalar));
                Located first = seen.putIfAbsent(followUp.text(), followUp);
                if (first != null) {
                    problem(draft.file, followUp.line(), where + "the follow-up \"" + followUp.text()
                            + "\" is listed twice (also on line " + first.line() + ")");
                    continue;
                }
                draft.followUps.add(followUp);
            }
        }

        private void checkHandoff(Draft draft, NodeTuple handoff) {
            if (handoff == null) {
                return;
            }
            Node value = handoff.getValueNode();
            if (value instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
                String text = scalar.getValue().toLowerCase(Locale.ROOT);
                draft.handoff = text.equals("true") || text.equals("yes") || text.equals("on");
            } else {
                problem(draft.file, line(isNull(value) ? handoff.getKeyNode() : value), draft.label()
                        + ": \"handoff\" must be true or false (without quotes), but it is " + describe(value));
            }
        }

        /** A team's name as teams are named in the configuration; whether that team exists is the node's to know. */
        private void checkTeam(Draft draft, NodeTuple team) {
            if (team == null) {
                return;
            }
            Node value = team.getValueNode();
            if (value instanceof ScalarNode scalar && !isNull(scalar) && TEAM.matcher(scalar.getValue().strip()).matches()) {
                draft.team = scalar.getValue().strip();
            } else {
                problem(draft.file, line(isNull(value) ? team.getKeyNode() : value), draft.label()
                        + ": \"team\" must be a team's name (lower case letters, digits, - and _), like  team: billing, but it is "
                        + describe(value));
            }
        }

        // ------------------------------------------------------------------------------------------ across files

        private void checkAcrossIntents() {
            Map<String, Draft> byId = new HashMap<>();
            for (Draft draft : drafts) {
                if (!draft.idValid) {
                    continue;
                }
                Draft first = byId.putIfAbsent(draft.id, draft);
                if (first != null) {
                    problem(draft.file, draft.idLine, "the intent id \"" + draft.id + "\" is already used by the "
                            + "intent at " + first.file + ":" + first.idLine + "; every id must be unique");
                }
            }

            record FirstExample(Draft draft, Located example) {
            }
            Map<String, FirstExample> examples = new HashMap<>();
            for (Draft draft : drafts) {
                for (LanguageEntry entry : draft.examples.values()) {
                    for (Located example : entry.texts()) {
                        String key = exampleKey(example.text());
                        if (key.isEmpty()) {
                            continue;
                        }
                        FirstExample first = examples.putIfAbsent(key, new FirstExample(draft, example));
                        if (first != null && first.draft() != draft) {
                            problem(draft.file, example.line(), draft.label() + ": the example \"" + example.text()
                                    + "\" is also an example of " + first.draft().label() + " ("
                                    + first.draft().file + ":" + first.example().line()
                                    + "); an example can belong to one intent only");
                        }
                    }
                }
            }

            Set<String> ids = new HashSet<>();
            drafts.stream().map(d -> d.id).filter(Objects::nonNull).forEach(ids::add);
            for (Draft draft : drafts) {
                for (Located followUp : draft.followUps) {
                    Draft next = byId.get(followUp.text());
                    if (next != null && next != draft) {
                        checkFollowUpTitles(draft, followUp, next);
                    }
                    if (followUp.text().equals(draft.id)) {
                        problem(draft.file, followUp.line(), draft.label()
                                + ": lists itself as a follow-up; remove it from \"followUps\"");
                    } else if (!ids.contains(followUp.text()) && everyIntentKnown) {
                        // When a file could not be parsed its intents are unknown: do not report follow-ups to
                        // them as missing; if one really is, the trainer sees it once the broken file is fixed.
                        problem(draft.file, followUp.line(), draft.label() + ": the follow-up \"" + followUp.text()
                                + "\" is not an intent (no intent has this id)" + didYouMean(followUp.text(), ids));
                    }
                }
            }
        }

        /**
         * A follow-up is a button under the answer, labelled with the next intent's title in the visitor's language:
         * without one, a Persian visitor would read an English (or default-language) button under a Persian answer.
         * An intent with no title at all is labelled with its id in every language alike, which is left alone.
         */
        private void checkFollowUpTitles(Draft draft, Located followUp, Draft next) {
            List<String> missing = draft.answers.keySet().stream()
                    .filter(language -> !next.titles.isEmpty() && !next.titles.containsKey(language))
                    .toList();
            if (!missing.isEmpty()) {
                problem(draft.file, followUp.line(), draft.label() + ": answers in " + quoted(missing)
                        + " but its follow-up \"" + followUp.text() + "\" has no title in " + quoted(missing)
                        + ", so its button would not be in the visitor's language; add them to the \"title\" of "
                        + next.label() + " (" + next.file + ":" + next.line + ")");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String quoted(List<String> languages) {
        return String.join(", ", languages.stream().map(l -> "\"" + l + "\"").toList());
    }

    /**
     * The key two examples are compared on: Unicode NFKC, lower case, whitespace collapsed and trimmed, trailing
     * {@code ? ! .} (and the Arabic-script {@code ؟}) removed.
     */
    static String exampleKey(String example) {
        String key = Normalizer.normalize(example, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        key = WHITESPACE.matcher(key).replaceAll(" ").strip();
        return TRAILING_PUNCTUATION.matcher(key).replaceAll("");
    }

    /** The entries of a mapping by key, reporting keys that are not plain names and keys written twice. */
    private static Map<String, NodeTuple> entries(String file, MappingNode mapping, String where, Run run) {
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode scalar) || isNull(key)) {
                run.problem(file, line(key), where + "a key must be a plain name, but this one is " + describe(key));
                continue;
            }
            String name = scalar.getValue();
            NodeTuple first = result.putIfAbsent(name, tuple);
            if (first != null) {
                run.problem(file, line(key), where + "\"" + name + "\" is written twice (also on line "
                        + line(first.getKeyNode()) + "); keep only one");
            }
        }
        return result;
    }

    private static String didYouMean(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = candidate.equalsIgnoreCase(given) ? 0
                    : distance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance || distance == bestDistance && best != null && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = given.length() <= 4 ? 1 : 2;
        return best != null && bestDistance <= allowed ? " (did you mean \"" + best + "\"?)" : "";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static boolean isNull(Node node) {
        return node == null || Tag.NULL.equals(node.getTag());
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String describe(Node node) {
        if (isNull(node)) {
            return "empty";
        }
        if (node instanceof MappingNode) {
            return "a map (lines of \"key: value\")";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        String value = ((ScalarNode) node).getValue();
        return "the text \"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"";
    }

    private static int lineAtCodePoint(String content, int codePointIndex) {
        int line = 1;
        int index = 0;
        for (int i = 0; i < content.length() && index < codePointIndex; i += Character.charCount(content.codePointAt(i))) {
            if (content.charAt(i) == '\n') {
                line++;
            }
            index++;
        }
        return line;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** First 12 hex characters of SHA-256 over the files' names and contents, in order. */
    private static String version(List<IntentSource> sources) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (IntentSource source : sources) {
                for (String part : List.of(source.name(), source.content())) {
                    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                    sha256.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                            (byte) (bytes.length >>> 8), (byte) bytes.length});
                    sha256.update(bytes);
                }
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
