package dev.baton.intents.rasa;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a domain's (or a training data file's) {@code responses:}: {@code utter_x: [- text: ..., ...]}. */
final class ResponsesSection {

    /** Keys that only tune how Rasa shows a variation, which lose nothing a customer reads when left out. */
    private static final Set<String> PRESENTATION = Set.of("text", "image", "buttons", "button_type", "metadata", "id");

    private ResponsesSection() {
    }

    static void read(RasaFile file, NodeTuple section, Findings findings, Map<String, RasaResponse> responses) {
        for (NodeTuple entry : RasaFile.entriesOf(section.getValueNode()).values()) {
            String name = RasaFile.text(entry.getKeyNode()).orElseThrow();
            int line = RasaFile.line(entry.getKeyNode());
            List<RasaResponse.Variation> variations = new ArrayList<>();
            for (Node variation : RasaFile.items(entry.getValueNode())) {
                variations.add(variation(variation));
            }
            if (variations.isEmpty()) {
                findings.problem(file.name, line, "response \"" + name + "\" must be a list of variations, like  - text: Hello");
            } else if (responses.putIfAbsent(name, new RasaResponse(name, file.name, line, variations)) != null) {
                findings.note(file.name, line, "response \"" + name + "\" is written in another file already; the first is "
                        + "imported");
            }
        }
    }

    private static RasaResponse.Variation variation(Node node) {
        Map<String, NodeTuple> entries = RasaFile.entriesOf(node);
        List<RasaResponse.Button> buttons = new ArrayList<>();
        if (entries.containsKey("buttons")) {
            for (Node button : RasaFile.items(entries.get("buttons").getValueNode())) {
                Map<String, NodeTuple> fields = RasaFile.entriesOf(button);
                buttons.add(new RasaResponse.Button(RasaFile.textOf(fields, "title").orElse(""),
                        RasaFile.textOf(fields, "payload").orElse("")));
            }
        }
        List<String> other = entries.keySet().stream().filter(key -> !PRESENTATION.contains(key)).toList();
        return new RasaResponse.Variation(RasaFile.textOf(entries, "text").map(String::strip).filter(t -> !t.isEmpty()),
                RasaFile.line(node), RasaFile.textOf(entries, "image"), buttons, other);
    }
}
