package dev.baton.training;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which field of which intent each line of an intent file holds, so that a problem the loader reports by line can be
 * shown next to its field. Lines holding several things (a list in {@code [ ]}) name the first. Composed only, as the
 * loader does: nothing in the file is ever constructed.
 */
final class FieldLines {

    private final Map<Integer, DraftProblem.Field> byLine = new HashMap<>();

    private FieldLines() {
    }

    /** The lines of one file; none when it is not YAML the loader could read. */
    static FieldLines of(String content) {
        FieldLines lines = new FieldLines();
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(content));
            if (root instanceof MappingNode document) {
                document.getValue().stream()
                        .filter(t -> t.getKeyNode() instanceof ScalarNode key && key.getValue().equals("intents"))
                        .filter(t -> t.getValueNode() instanceof SequenceNode)
                        .forEach(t -> ((SequenceNode) t.getValueNode()).getValue().forEach(lines::readIntent));
            }
        } catch (RuntimeException unreadable) {
            // The loader reports what is wrong with the file itself, by line.
        }
        return lines;
    }

    Optional<DraftProblem.Field> at(int line) {
        return Optional.ofNullable(byLine.get(line));
    }

    private void readIntent(Node node) {
        if (!(node instanceof MappingNode intent)) {
            return;
        }
        String id = intent.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode key && key.getValue().equals("id"))
                .map(t -> t.getValueNode() instanceof ScalarNode value ? value.getValue().strip() : "")
                .findFirst().orElse("");
        put(node, id, "id", null, null);
        for (NodeTuple tuple : intent.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                continue;
            }
            String name = key.getValue();
            put(key, id, name, null, null);
            Node value = tuple.getValueNode();
            if (value instanceof SequenceNode list) {
                indexed(list.getValue(), id, name, null);
            } else if (value instanceof MappingNode byLanguage) {
                for (NodeTuple entry : byLanguage.getValue()) {
                    String language = entry.getKeyNode() instanceof ScalarNode l ? l.getValue() : null;
                    put(entry.getKeyNode(), id, name, language, null);
                    if (entry.getValueNode() instanceof SequenceNode texts) {
                        indexed(texts.getValue(), id, name, language);
                    }
                }
            }
        }
    }

    private void indexed(List<Node> items, String id, String name, String language) {
        for (int i = 0; i < items.size(); i++) {
            put(items.get(i), id, name, language, i);
        }
    }

    /** The first thing put on a line names it; a block's own start is its first entry's line, so blocks are not put. */
    private void put(Node node, String id, String name, String language, Integer index) {
        if (node != null && node.getStartMark() != null) {
            byLine.putIfAbsent(node.getStartMark().getLine() + 1, new DraftProblem.Field(id, name,
                    Optional.ofNullable(language), Optional.ofNullable(index)));
        }
    }
}
