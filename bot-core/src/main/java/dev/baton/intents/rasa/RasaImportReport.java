package dev.baton.intents.rasa;

import dev.baton.intents.Intent;

import java.util.List;

/**
 * What a Rasa import made: the intents, in the order of the training data, and everything it could not carry over.
 * An intent with no answers is kept so that its examples are not lost; the loader reports it, so a draft holding it
 * cannot be published until the trainer writes its answers.
 */
public record RasaImportReport(String language, List<Intent> intents, List<RasaImportNote> notImported) {

    public RasaImportReport {
        intents = List.copyOf(intents);
        notImported = List.copyOf(notImported);
    }

    /** The ids of the intents that still need answers. */
    public List<String> unanswered() {
        return intents.stream().filter(intent -> intent.answers().isEmpty()).map(Intent::id).toList();
    }
}
