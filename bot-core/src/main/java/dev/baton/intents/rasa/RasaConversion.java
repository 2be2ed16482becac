package dev.baton.intents.rasa;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts a Rasa 3 project's files (training data: {@code nlu.yml}, and optionally {@code rules.yml} and
 * {@code stories.yml}; {@code domain.yml} with the responses) into Baton intents in one language, and reports
 * everything it could not carry over. Each file may hold any of Rasa's sections, as in Rasa.
 *
 * <p>An intent is answered with {@code utter_<intent>} or with the responses its rules or stories give it (see
 * {@link ResponseChoice}); an intent with none keeps its examples and gets no answers, so that the trainer writes
 * them before the draft can be published, rather than the bot handing greetings to a person or answering them
 * with something invented.
 */
public final class RasaConversion {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern NOT_ID = Pattern.compile("[^a-z0-9_]+");

    private final String language;
    private final Findings findings = new Findings();
    private final Map<String, RasaIntent> intents = new LinkedHashMap<>();
    private final List<DialogueTurn> turns = new ArrayList<>();
    private final Map<String, RasaResponse> responses = new LinkedHashMap<>();
    private final Map<String, RasaImportNote> unlistedDomainIntents = new LinkedHashMap<>();
    private final Map<String, RenderedResponse> rendered = new HashMap<>();
    private final Map<String, String> ids = new HashMap<>();

    private RasaConversion(String language) {
        this.language = language;
    }

    /**
     * @param language the language of the examples and responses (Rasa files do not say), e.g. {@code en}
     * @throws IllegalArgumentException     when {@code language} is not a two-letter code
     * @throws UnreadableRasaFilesException listing every problem, when a file cannot be read or holds no intent
     */
    public static RasaImportReport convert(String language, List<IntentSource> files) {
        Objects.requireNonNull(files, "files");
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("the language must be a two-letter code such as en, but it is \""
                    + language + "\"");
        }
        return new RasaConversion(language).run(files);
    }

    private RasaImportReport run(List<IntentSource> files) {
        for (IntentSource source : files) {
            RasaFile.read(source, findings).ifPresent(this::readSections);
        }
        if (intents.values().stream().allMatch(intent -> intent.examples.isEmpty())) {
            findings.problem(files.isEmpty() ? "(no files)" : files.get(0).name(), 0, "no intent with examples was "
                    + "found; the training data (nlu.yml) lists them under \"nlu:\" as \"- intent: greet\" with "
                    + "\"examples: |\"");
        }
        findings.throwIfProblems();
        intents.values().forEach(this::assignId);
        ResponseChoice choice = new ResponseChoice(turns, responses, findings);
        Set<String> used = new HashSet<>();
        List<Intent> converted = new ArrayList<>();
        for (RasaIntent intent : intents.values()) {
            if (intent.examples.isEmpty()) {
                findings.note(intent.file, intent.line, "intent \"" + intent.name + "\" has no examples and is not imported");
                continue;
            }
            List<String> chain = choice.answering(intent);
            used.addAll(chain);
            converted.add(toIntent(intent, chain));
        }
        reportLeftOver(used);
        return new RasaImportReport(language, converted, findings.notes());
    }

    private void readSections(RasaFile file) {
        file.sections.forEach((key, section) -> {
            switch (key) {
                case "version" -> { }
                case "nlu" -> NluSection.read(file, section, findings, intents);
                case "rules", "stories" -> DialogueSection.read(file, section, findings, turns);
                case "responses" -> ResponsesSection.read(file, section, findings, responses);
                case "intents" -> RasaFile.items(section.getValueNode()).forEach(item -> listedInDomain(file, item));
                default -> findings.note(file.name, RasaFile.line(section.getKeyNode()), "\"" + key + "\" is not "
                        + "imported: " + switch (key) {
                            case "entities", "slots" -> "Baton extracts no entities and keeps no slots";
                            case "forms" -> "Baton asks no form questions; a person can, after a handoff";
                            case "actions" -> "custom actions run on a Rasa action server, which Baton does not call";
                            case "session_config" -> "Baton's conversations end as configured in its own properties";
                            default -> "Baton has no equivalent";
                        });
            }
        });
    }

    /**
     * Remembers what to report should the training data have no examples for a domain intent, which is a plain name
     * or a map {@code name: {use_entities: ...}}.
     */
    private void listedInDomain(RasaFile file, Node item) {
        Node name = RasaFile.entriesOf(item).values().stream().findFirst().map(NodeTuple::getKeyNode).orElse(item);
        RasaFile.text(name).ifPresent(text -> unlistedDomainIntents.putIfAbsent(text, new RasaImportNote(file.name,
                RasaFile.line(name), "intent \"" + text + "\" is in the domain but has no examples in the training "
                + "data; it is not imported")));
    }

    private void assignId(RasaIntent intent) {
        String base = NOT_ID.matcher(intent.name.toLowerCase(Locale.ROOT)).replaceAll("_").replaceAll("^_+|_+$", "");
        base = base.isEmpty() || base.equals(Intent.OUT_OF_SCOPE) ? base + "_intent" : base;
        String id = base;
        for (int n = 2; ids.containsValue(id); n++) {
            id = base + "_" + n;
        }
        ids.put(intent.name, id);
        if (!id.equals(intent.name)) {
            findings.note(intent.file, intent.line, "intent \"" + intent.name + "\" is imported as \"" + id + "\": "
                    + "Baton's intent ids are lowercase letters, digits and _, and unique");
        }
    }

    private Intent toIntent(RasaIntent intent, List<String> chain) {
        String id = ids.get(intent.name);
        if (!intent.entities.isEmpty()) {
            findings.note(intent.file, intent.entities.values().iterator().next(), "intent \"" + intent.name + "\": the "
                    + "entity marks (" + String.join(", ", intent.entities.keySet()) + ") are removed from its examples, "
                    + "their words kept: Baton extracts no entities");
        }
        List<String> answers = answers(intent, chain);
        Map<String, List<String>> answersByLanguage = answers.isEmpty() ? Map.of() : Map.of(language, answers);
        if (answers.isEmpty()) {
            findings.note(intent.file, intent.line, "intent \"" + intent.name + "\" has no answer (no response \"utter_"
                    + intent.name + "\", nor one its rules or stories agree on): write its answers in the draft, which "
                    + "cannot be published before");
        }
        List<String> followUps = new ArrayList<>();
        chain.stream().map(this::render).forEach(response -> response.followUps().forEach((target, title) -> {
            String targetId = ids.get(target);
            if (targetId == null || targetId.equals(id)) {
                findings.note(intent.file, intent.line, "intent \"" + intent.name + "\": the button \"" + title + "\" to "
                        + target + " is dropped: " + (targetId == null ? "no imported intent has that name" : "it offers "
                        + "the intent itself"));
            } else if (!followUps.contains(targetId)) {
                followUps.add(targetId);
            }
        }));
        return new Intent(id, Map.of(), Map.of(language, List.copyOf(intent.examples)), answersByLanguage, followUps, false);
    }

    /**
     * One answer per variation of the first response; responses chained after it (a story's "cheer up" then "did
     * that help?") are appended, each with its first variation.
     */
    private List<String> answers(RasaIntent intent, List<String> chain) {
        if (chain.isEmpty()) {
            return List.of();
        }
        StringBuilder after = new StringBuilder();
        for (String next : chain.subList(1, chain.size())) {
            RenderedResponse response = render(next);
            response.first().ifPresent(text -> after.append("\n\n").append(text));
            if (response.texts().size() > 1) {
                findings.note(intent.file, intent.line, "intent \"" + intent.name + "\": only the first variation of "
                        + next + " is used, after " + chain.get(0));
            }
        }
        return render(chain.get(0)).texts().stream().map(text -> text + after).toList();
    }

    private RenderedResponse render(String response) {
        return rendered.computeIfAbsent(response, name -> RenderedResponse.of(responses.get(name), findings));
    }

    private void reportLeftOver(Set<String> used) {
        responses.values().stream().filter(response -> !used.contains(response.name())).forEach(response ->
                findings.note(response.file(), response.line(), "response \"" + response.name() + "\" is not imported: "
                        + "it answers no intent (it is not utter_<intent>, nor what the rules or stories answer an "
                        + "intent with)"));
        unlistedDomainIntents.forEach((name, note) -> {
            if (!intents.containsKey(name)) {
                findings.note(note.file(), note.line(), note.message());
            }
        });
    }
}
