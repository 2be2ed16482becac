package dev.baton.intents.rasa;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which responses answer a Rasa intent, in the order Rasa itself would prefer them: a rule that answers it anytime,
 * then the naming convention {@code utter_<intent>}, then what every story answers it with (noted, since in a story
 * the answer follows earlier turns). Anything ambiguous is left for the trainer, with the reason.
 */
final class ResponseChoice {

    private final List<DialogueTurn> turns;
    private final Map<String, RasaResponse> responses;
    private final Findings findings;

    ResponseChoice(List<DialogueTurn> turns, Map<String, RasaResponse> responses, Findings findings) {
        this.turns = turns;
        this.responses = responses;
        this.findings = findings;
    }

    /** The names of the responses that answer {@code intent}, one after the other; empty when none does. */
    List<String> answering(RasaIntent intent) {
        Optional<List<String>> byRule = agreed(intent, true);
        if (byRule.isPresent()) {
            return byRule.get();
        }
        String conventional = "utter_" + intent.name;
        if (responses.containsKey(conventional)) {
            return List.of(conventional);
        }
        Optional<List<String>> byStory = agreed(intent, false);
        byStory.ifPresent(chain -> findings.note(intent.file, intent.line, "intent \"" + intent.name + "\" is answered "
                + "with " + String.join(" + ", chain) + " as in " + sources(intent, false) + ", where it follows earlier "
                + "turns: check that it reads well as an answer on its own"));
        return byStory.orElse(List.of());
    }

    /** The one chain of responses every turn of that kind gives the intent, if they agree and all exist. */
    private Optional<List<String>> agreed(RasaIntent intent, boolean anytime) {
        List<List<String>> chains = turnsOf(intent, anytime).stream().map(DialogueTurn::responses).distinct().toList();
        if (chains.size() > 1) {
            findings.note(intent.file, intent.line, "intent \"" + intent.name + "\" is answered differently in "
                    + sources(intent, anytime) + "; it is not given any of them");
            return Optional.empty();
        }
        if (chains.isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = chains.get(0).stream().filter(name -> !responses.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            findings.note(intent.file, intent.line, "intent \"" + intent.name + "\" is answered with "
                    + String.join(", ", missing) + " in " + sources(intent, anytime) + ", which is in none of the "
                    + "imported files (import the domain too)");
            return Optional.empty();
        }
        return Optional.of(chains.get(0));
    }

    private List<DialogueTurn> turnsOf(RasaIntent intent, boolean anytime) {
        return turns.stream().filter(turn -> turn.intent().equals(intent.name) && turn.anytime() == anytime).toList();
    }

    private String sources(RasaIntent intent, boolean anytime) {
        return turnsOf(intent, anytime).stream().map(DialogueTurn::source).distinct().collect(Collectors.joining(", "));
    }
}
