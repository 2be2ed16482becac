package dev.baton.intents.rasa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One Rasa intent's examples as collected from every training data file, entity marks removed. */
final class RasaIntent {

    final String name;
    final String file;
    final int line;
    final List<String> examples = new ArrayList<>();
    /** Entity name to the line of the first example it was marked in. */
    final Map<String, Integer> entities = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();

    RasaIntent(String name, String file, int line) {
        this.name = name;
        this.file = file;
        this.line = line;
    }

    /** Adds an example; false when the intent has it already (Rasa tolerates that, Baton's loader does not). */
    boolean add(String example, Set<String> markedEntities, int exampleLine) {
        markedEntities.forEach(entity -> entities.putIfAbsent(entity, exampleLine));
        if (!seen.add(example.toLowerCase(Locale.ROOT))) {
            return false;
        }
        examples.add(example);
        return true;
    }
}
