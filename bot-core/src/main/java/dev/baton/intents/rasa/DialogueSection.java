package dev.baton.intents.rasa;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a training data file's {@code rules:} or {@code stories:}. Baton answers every message on its own, so a
 * conversation flow cannot be imported; what can be used is which responses follow an intent, as its answer.
 */
final class DialogueSection {

    private static final String RESPONSE_PREFIX = "utter_";

    private DialogueSection() {
    }

    /** Adds the turns of {@code section} ({@code rules:} or {@code stories:}) to {@code turns}, noting every flow. */
    static void read(RasaFile file, NodeTuple section, Findings findings, List<DialogueTurn> turns) {
        String kind = RasaFile.text(section.getKeyNode()).orElseThrow().equals("rules") ? "rule" : "story";
        for (Node item : RasaFile.items(section.getValueNode())) {
            Map<String, NodeTuple> entries = RasaFile.entriesOf(item);
            String source = kind + " \"" + RasaFile.textOf(entries, kind).orElse("") + "\"";
            boolean conditional = entries.containsKey("condition") || RasaFile.textOf(entries, "conversation_start")
                    .filter("true"::equalsIgnoreCase).isPresent();
            List<Node> steps = entries.containsKey("steps") ? RasaFile.items(entries.get("steps").getValueNode()) : List.of();
            List<DialogueTurn> found = turnsOf(steps, source, kind.equals("rule") && !conditional);
            turns.addAll(found);
            findings.note(file.name, RasaFile.line(item), source + " is not imported as a conversation flow: Baton "
                    + "answers every message on its own, without earlier turns, slots or custom actions"
                    + (found.isEmpty() ? "" : "; the responses after its intents can serve as their answers"));
        }
    }

    /** Each intent step with the {@code utter_} actions right after it; other steps end a turn. */
    private static List<DialogueTurn> turnsOf(List<Node> steps, String source, boolean anytimeRule) {
        List<DialogueTurn> turns = new ArrayList<>();
        String intent = null;
        int intentStep = -1;
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Map<String, NodeTuple> entries = RasaFile.entriesOf(steps.get(i));
            String action = RasaFile.textOf(entries, "action").orElse(null);
            if (intent != null && action != null && action.startsWith(RESPONSE_PREFIX)) {
                responses.add(action);
                continue;
            }
            addTurn(turns, intent, responses, source, anytimeRule && intentStep == 0);
            intent = RasaFile.textOf(entries, "intent").orElse(null);
            intentStep = i;
            responses = new ArrayList<>();
        }
        addTurn(turns, intent, responses, source, anytimeRule && intentStep == 0);
        return turns;
    }

    private static void addTurn(List<DialogueTurn> turns, String intent, List<String> responses, String source, boolean anytime) {
        if (intent != null && !responses.isEmpty()) {
            turns.add(new DialogueTurn(intent, List.copyOf(responses), source, anytime));
        }
    }
}
