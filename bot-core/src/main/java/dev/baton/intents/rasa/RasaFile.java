package dev.baton.intents.rasa;

import dev.baton.intents.IntentDatabaseLoader.IntentSource;
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

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Rasa YAML file, composed into nodes (never constructed into objects, so no tag can make it instantiate
 * anything), whose positions give every note its line.
 */
final class RasaFile {

    /** As for intent files: a training data file larger than this is not a file a person wrote. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    final String name;
    final Map<String, NodeTuple> sections;

    private RasaFile(String name, Map<String, NodeTuple> sections) {
        this.name = name;
        this.sections = sections;
    }

    /** The file's top-level sections, or empty after reporting why it cannot be read. */
    static Optional<RasaFile> read(IntentSource source, Findings findings) {
        String name = source.name();
        if (source.content().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            findings.problem(name, 0, "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            return Optional.empty();
        }
        if (source.content().stripLeading().startsWith("## ")) {
            findings.problem(name, 1, "this is Rasa's old Markdown format; convert it to YAML first with "
                    + "\"rasa data convert nlu\" (Rasa 2) and import the YAML file");
            return Optional.empty();
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            root = new Yaml(options).compose(new StringReader(source.content()));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            findings.problem(name, mark == null ? 0 : mark.getLine() + 1, "the YAML is broken here ("
                    + String.valueOf(e.getProblem()).strip() + "); check the indentation and quotes");
            return Optional.empty();
        } catch (YAMLException e) {
            findings.problem(name, 0, "the file could not be read as YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            findings.problem(name, line(root), "a Rasa file is a map of sections such as \"nlu:\" or \"responses:\", "
                    + "but this one is " + (root == null ? "empty" : "not"));
            return Optional.empty();
        }
        return Optional.of(new RasaFile(name, entries(mapping)));
    }

    /** The entries of a map by key; a key written twice keeps its first value. */
    static Map<String, NodeTuple> entries(MappingNode mapping) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            text(tuple.getKeyNode()).ifPresent(key -> entries.putIfAbsent(key, tuple));
        }
        return entries;
    }

    /** The entries of {@code node} when it is a map, else none. */
    static Map<String, NodeTuple> entriesOf(Node node) {
        return node instanceof MappingNode mapping ? entries(mapping) : Map.of();
    }

    static Optional<String> text(Node node) {
        if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            return Optional.of(scalar.getValue());
        }
        return Optional.empty();
    }

    static Optional<String> textOf(Map<String, NodeTuple> entries, String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? Optional.empty() : text(tuple.getValueNode());
    }

    static List<Node> items(Node node) {
        return node instanceof SequenceNode sequence ? sequence.getValue() : List.of();
    }

    static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
