package dev.baton.intents.rasa;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a training data file's {@code nlu:} list: {@code - intent:} items with their {@code examples: |} block (or
 * a list of {@code - text:} maps); synonyms, regexes and lookup tables have no Baton equivalent and are reported.
 */
final class NluSection {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final RasaFile file;
    private final Findings findings;
    private final Map<String, RasaIntent> intents;

    private NluSection(RasaFile file, Findings findings, Map<String, RasaIntent> intents) {
        this.file = file;
        this.findings = findings;
        this.intents = intents;
    }

    /** Adds the intents of {@code section} to {@code intents}, merging with those of earlier files by name. */
    static void read(RasaFile file, NodeTuple section, Findings findings, Map<String, RasaIntent> intents) {
        NluSection reader = new NluSection(file, findings, intents);
        Node list = section.getValueNode();
        if (!(list instanceof SequenceNode)) {
            findings.problem(file.name, RasaFile.line(section.getKeyNode()),
                    "\"nlu:\" must be a list of items such as \"- intent: greet\"");
            return;
        }
        RasaFile.items(list).forEach(reader::readItem);
    }

    private void readItem(Node item) {
        Map<String, NodeTuple> entries = RasaFile.entriesOf(item);
        int line = RasaFile.line(item);
        if (entries.containsKey("intent")) {
            readIntent(entries, line);
        } else if (entries.containsKey("synonym")) {
            findings.note(file.name, line, "synonym \"" + RasaFile.textOf(entries, "synonym").orElse("") + "\" is not "
                    + "imported: Baton extracts no entity values; write its variants as examples of the intents they "
                    + "occur in");
        } else if (entries.containsKey("regex")) {
            findings.note(file.name, line, "regex \"" + RasaFile.textOf(entries, "regex").orElse("") + "\" is not "
                    + "imported: Baton has no regular-expression features; numbers and emails are normalised already");
        } else if (entries.containsKey("lookup")) {
            findings.note(file.name, line, "lookup table \"" + RasaFile.textOf(entries, "lookup").orElse("") + "\" is "
                    + "not imported: Baton extracts no entities; if its words matter, use them in examples");
        } else {
            findings.problem(file.name, line, "an \"nlu:\" item must start with \"intent:\", \"synonym:\", \"regex:\" "
                    + "or \"lookup:\"");
        }
    }

    private void readIntent(Map<String, NodeTuple> entries, int line) {
        String name = RasaFile.textOf(entries, "intent").map(String::strip).orElse("");
        if (name.isEmpty()) {
            findings.problem(file.name, line, "\"intent:\" needs a name, like  intent: greet");
            return;
        }
        RasaIntent intent = intents.computeIfAbsent(name, n -> new RasaIntent(n, file.name, line));
        NodeTuple examples = entries.get("examples");
        if (examples == null) {
            findings.note(file.name, line, "intent \"" + name + "\" has no \"examples:\" here");
            return;
        }
        Node value = examples.getValueNode();
        if (value instanceof ScalarNode block) {
            readBlock(intent, block);
        } else if (!RasaFile.items(value).isEmpty()) {
            for (Node example : RasaFile.items(value)) {
                RasaFile.textOf(RasaFile.entriesOf(example), "text").ifPresentOrElse(
                        text -> add(intent, text, RasaFile.line(example)),
                        () -> findings.problem(file.name, RasaFile.line(example),
                                "an example in a list must be a map with \"text:\""));
            }
        } else {
            findings.problem(file.name, RasaFile.line(value), "\"examples:\" must be a block of lines starting with "
                    + "\"- \" (after \"examples: |\")");
        }
        entries.keySet().stream().filter(key -> !List.of("intent", "examples").contains(key)).forEach(key ->
                findings.note(file.name, RasaFile.line(entries.get(key).getKeyNode()), "intent \"" + name + "\": \""
                        + key + "\" is not imported: Baton has no equivalent"));
    }

    /** The lines of an {@code examples: |} block, each {@code - example}. */
    private void readBlock(RasaIntent intent, ScalarNode block) {
        // A literal block starts on the line after its "|"; a plain or quoted text on its own line.
        int first = RasaFile.line(block) + (block.getScalarStyle() == ScalarStyle.LITERAL
                || block.getScalarStyle() == ScalarStyle.FOLDED ? 1 : 0);
        String[] lines = block.getValue().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!text.startsWith("-")) {
                findings.problem(file.name, first + i, "every line of \"examples:\" must start with \"- \", like  - hello");
                continue;
            }
            add(intent, text.substring(1), first + i);
        }
    }

    private void add(RasaIntent intent, String example, int line) {
        EntityAnnotations.Stripped stripped = EntityAnnotations.strip(example);
        String text = WHITESPACE.matcher(stripped.text()).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return;
        }
        if (!intent.add(text, stripped.entities(), line)) {
            findings.note(file.name, line, "intent \"" + intent.name + "\": the example \"" + text
                    + "\" is there already; imported once");
        }
    }
}
