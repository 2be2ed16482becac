package dev.baton.training;

import dev.baton.intents.Intent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed between two sets of intents: which intents were added, which removed, and, for each intent in both,
 * which fields changed (per language for titles, examples and answers).
 */
public record IntentDiff(List<String> added, List<String> removed, List<IntentChange> changed) {

    public IntentDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** The fields of one intent that changed. */
    public record IntentChange(String intent, List<FieldChange> fields) {
        public IntentChange {
            fields = List.copyOf(fields);
        }
    }

    /**
     * One field that changed: the texts (examples, answers, follow-up ids; the title or the handoff flag as one value)
     * it no longer has and those it has now.
     *
     * @param field    {@code title}, {@code examples}, {@code answers}, {@code followUps} or {@code handoff}
     * @param language set for {@code title}, {@code examples} and {@code answers}
     */
    public record FieldChange(String field, Optional<String> language, List<String> removed, List<String> added) {
        public FieldChange {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(language, "language");
            removed = List.copyOf(removed);
            added = List.copyOf(added);
        }
    }

    public static IntentDiff between(List<Intent> before, List<Intent> after) {
        Map<String, Intent> old = byId(before);
        Map<String, Intent> now = byId(after);
        List<String> added = now.keySet().stream().filter(id -> !old.containsKey(id)).toList();
        List<String> removed = old.keySet().stream().filter(id -> !now.containsKey(id)).toList();
        List<IntentChange> changed = new ArrayList<>();
        now.forEach((id, intent) -> {
            Intent was = old.get(id);
            if (was != null && !was.equals(intent)) {
                changed.add(new IntentChange(id, fieldChanges(was, intent)));
            }
        });
        return new IntentDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    private static List<FieldChange> fieldChanges(Intent was, Intent now) {
        List<FieldChange> fields = new ArrayList<>();
        perLanguage(fields, "title", was.titles(), now.titles(), title -> title == null ? List.of() : List.of(title));
        perLanguage(fields, "examples", was.examples(), now.examples(), texts -> texts == null ? List.of() : texts);
        perLanguage(fields, "answers", was.answers(), now.answers(), texts -> texts == null ? List.of() : texts);
        compare(fields, "followUps", Optional.empty(), was.followUps(), now.followUps());
        compare(fields, "handoff", Optional.empty(), List.of(String.valueOf(was.handoff())), List.of(String.valueOf(now.handoff())));
        return fields;
    }

    private static <T> void perLanguage(List<FieldChange> fields, String field, Map<String, T> was, Map<String, T> now,
                                        Function<T, List<String>> texts) {
        TreeSet<String> languages = new TreeSet<>(was.keySet());
        languages.addAll(now.keySet());
        languages.forEach(language -> compare(fields, field, Optional.of(language),
                texts.apply(was.get(language)), texts.apply(now.get(language))));
    }

    /** A list whose texts are the same but in another order changed too: the bot takes turns among answers in order. */
    private static void compare(List<FieldChange> fields, String field, Optional<String> language, List<String> was,
                                List<String> now) {
        if (was.equals(now)) {
            return;
        }
        List<String> removed = was.stream().filter(text -> !now.contains(text)).toList();
        List<String> added = now.stream().filter(text -> !was.contains(text)).toList();
        fields.add(new FieldChange(field, language, removed.isEmpty() && added.isEmpty() ? was : removed,
                removed.isEmpty() && added.isEmpty() ? now : added));
    }

    private static Map<String, Intent> byId(List<Intent> intents) {
        Map<String, Intent> byId = new LinkedHashMap<>();
        intents.forEach(intent -> byId.putIfAbsent(intent.id(), intent));
        return byId;
    }
}
