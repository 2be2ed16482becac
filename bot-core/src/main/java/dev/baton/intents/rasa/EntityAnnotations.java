package dev.baton.intents.rasa;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rasa marks entities inside examples: {@code [Rome](city)}, {@code [Rome](city:ROME)},
 * {@code [Rome]{"entity": "city"}} or a list of such maps in brackets. Baton recognises no entities, so an example
 * keeps the words a customer would type and the entity names are reported.
 */
final class EntityAnnotations {

    /** The forms Rasa's own reader accepts (rasa.shared.nlu.training_data.entities_parser). */
    private static final Pattern ANNOTATION =
            Pattern.compile("\\[([^\\]]+?)\\](?:\\(([^:)]+?)(?::[^)]+)?\\)|\\{([^}]+?)\\}|\\[(.*?)\\])");
    private static final Pattern ENTITY_IN_JSON = Pattern.compile("\"entity\"\\s*:\\s*\"([^\"]+)\"");

    /** An example as a customer would type it, and the entities that were marked in it. */
    record Stripped(String text, Set<String> entities) {
    }

    private EntityAnnotations() {
    }

    static Stripped strip(String example) {
        Matcher annotation = ANNOTATION.matcher(example);
        Set<String> entities = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder();
        while (annotation.find()) {
            if (annotation.group(2) != null) {
                entities.add(annotation.group(2).strip());
            } else {
                Matcher name = ENTITY_IN_JSON.matcher(annotation.group(3) != null ? annotation.group(3) : annotation.group(4));
                while (name.find()) {
                    entities.add(name.group(1));
                }
            }
            annotation.appendReplacement(text, Matcher.quoteReplacement(annotation.group(1)));
        }
        annotation.appendTail(text);
        return new Stripped(text.toString(), entities);
    }
}
