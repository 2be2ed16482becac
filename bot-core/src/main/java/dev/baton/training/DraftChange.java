package dev.baton.training;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.intents.IntentDatabaseLoader.IntentSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One change a trainer makes to the draft; the workspace applies it to the current draft and records it. */
public sealed interface DraftChange {

    /** The draft with this change; an intent that must exist and does not fails with {@link UnknownIntentException}. */
    Draft applyTo(Draft draft);

    TrainerAction action();

    /** The intent the change is about. */
    String intent();

    /** What changed, in words, for the audit log. */
    String description();

    /**
     * Creates or replaces a whole intent; a new one goes into {@code file} (default {@link Draft#NEW_INTENTS_FILE}),
     * an existing one stays in its file.
     */
    record SaveIntent(Intent intentToSave, Optional<String> file) implements DraftChange {
        public SaveIntent {
            Objects.requireNonNull(intentToSave, "intent");
            file.ifPresent(IntentFileNames::check);
        }

        @Override
        public Draft applyTo(Draft draft) {
            return draft.with(intentToSave, file.orElse(Draft.NEW_INTENTS_FILE));
        }

        @Override
        public TrainerAction action() {
            return TrainerAction.INTENT_SAVED;
        }

        @Override
        public String intent() {
            return intentToSave.id();
        }

        @Override
        public String description() {
            return "saved the intent \"" + intentToSave.id() + "\"";
        }
    }

    /**
     * Replaces what an existing intent has in one language: its title (empty: none), examples and answers (both
     * empty: the intent no longer has the language).
     */
    record SaveLanguage(String intent, String language, Optional<String> title, List<String> examples,
                        List<String> answers) implements DraftChange {
        public SaveLanguage {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(language, "language");
            examples = List.copyOf(examples);
            answers = List.copyOf(answers);
        }

        @Override
        public Draft applyTo(Draft draft) {
            Intent old = existing(draft, intent);
            Map<String, String> titles = new HashMap<>(old.titles());
            title.filter(t -> !t.isBlank()).ifPresentOrElse(t -> titles.put(language, t), () -> titles.remove(language));
            Map<String, List<String>> newExamples = replaced(old.examples(), examples);
            Map<String, List<String>> newAnswers = replaced(old.answers(), answers);
            return draft.with(new Intent(old.id(), titles, newExamples, newAnswers, old.followUps(), old.handoff(), old.team()), Draft.NEW_INTENTS_FILE);
        }

        private Map<String, List<String>> replaced(Map<String, List<String>> old, List<String> texts) {
            Map<String, List<String>> changed = new LinkedHashMap<>(old);
            if (texts.isEmpty()) {
                changed.remove(language);
            } else {
                changed.put(language, texts);
            }
            return changed;
        }

        @Override
        public TrainerAction action() {
            return TrainerAction.LANGUAGE_SAVED;
        }

        @Override
        public String description() {
            return "saved \"" + language + "\" of the intent \"" + intent + "\" (" + examples.size() + " examples, "
                    + answers.size() + " answers)";
        }
    }

    record DeleteIntent(String intent) implements DraftChange {
        public DeleteIntent {
            Objects.requireNonNull(intent, "intent");
        }

        @Override
        public Draft applyTo(Draft draft) {
            existing(draft, intent);
            return draft.without(intent);
        }

        @Override
        public TrainerAction action() {
            return TrainerAction.INTENT_DELETED;
        }

        @Override
        public String description() {
            return "deleted the intent \"" + intent + "\"";
        }
    }

    /** One more example of an existing intent in a language (what the unanswered inbox adds); a text it has is kept once. */
    record AddExample(String intent, String language, String text) implements DraftChange {
        public AddExample {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(language, "language");
            text = Objects.requireNonNull(text, "text").strip();
        }

        @Override
        public Draft applyTo(Draft draft) {
            Intent old = existing(draft, intent);
            List<String> examples = new ArrayList<>(old.examples().getOrDefault(language, List.of()));
            if (examples.contains(text)) {
                return draft;
            }
            examples.add(text);
            Map<String, List<String>> changed = new HashMap<>(old.examples());
            changed.put(language, examples);
            return draft.with(new Intent(old.id(), old.titles(), changed, old.answers(), old.followUps(), old.handoff(), old.team()),
                    Draft.NEW_INTENTS_FILE);
        }

        @Override
        public TrainerAction action() {
            return TrainerAction.EXAMPLE_ADDED;
        }

        @Override
        public String description() {
            return "added the example \"" + text + "\" in \"" + language + "\" to the intent \"" + intent + "\"";
        }
    }

    /**
     * Intent files written elsewhere (a git checkout, an export) put into the draft as they are, comments and layout
     * included: each replaces the draft's file of its name, in place, or is added at the end; with {@code replaceAll}
     * the draft's files become exactly these. The draft that results must read without a problem, or nothing changes:
     * files that come from git are meant to be whole, and only a whole file can be taken apart into intents.
     *
     * @throws dev.baton.intents.InvalidIntentDatabaseException with every problem, by file and line
     */
    record ImportFiles(List<IntentSource> files, boolean replaceAll) implements DraftChange {
        public ImportFiles {
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("send at least one intent file");
            }
            Set<String> names = new HashSet<>();
            for (IntentSource file : files) {
                if (!names.add(IntentFileNames.check(file.name()))) {
                    throw new IllegalArgumentException("the file \"" + file.name() + "\" is sent twice");
                }
            }
        }

        @Override
        public Draft applyTo(Draft draft) {
            Map<String, IntentSource> imported = new LinkedHashMap<>();
            files.forEach(file -> imported.put(file.name(), file));
            List<IntentSource> result = new ArrayList<>();
            if (!replaceAll) {
                draft.files().forEach(kept -> result.add(imported.getOrDefault(kept.name(), kept.source())));
            }
            files.stream().filter(file -> !result.contains(file)).forEach(result::add);
            IntentDatabase database = IntentDatabaseLoader.parse(result);
            Map<String, DraftFile> unchanged = new HashMap<>();
            draft.files().forEach(file -> unchanged.put(file.name(), file));
            return draft.withFiles(result.stream().map(source -> imported.containsKey(source.name())
                    ? DraftFile.published(source, database.intents().stream()
                            .filter(intent -> database.fileOf(intent.id()).orElseThrow().equals(source.name())).toList())
                    : unchanged.get(source.name())).toList());
        }

        @Override
        public TrainerAction action() {
            return TrainerAction.FILES_IMPORTED;
        }

        @Override
        public String intent() {
            return "draft";
        }

        @Override
        public String description() {
            return "imported " + files.stream().map(IntentSource::name).collect(Collectors.joining(", "))
                    + (replaceAll ? ", in place of every file" : "");
        }
    }

    /**
     * A new file of intents made elsewhere (the Rasa import), written in the intents/ format under {@code comment}.
     * It may have problems (an id or example the draft has already, an intent without answers): the draft shows them.
     */
    record AddFile(String name, List<String> comment, List<Intent> intents, String description) implements DraftChange {
        public AddFile {
            IntentFileNames.check(name);
            comment = List.copyOf(comment);
            intents = List.copyOf(intents);
            Objects.requireNonNull(description, "description");
        }

        @Override
        public Draft applyTo(Draft draft) {
            if (draft.files().stream().anyMatch(file -> file.name().equals(name))) {
                throw new IllegalArgumentException("the draft has a file \"" + name + "\" already; give another name");
            }
            List<DraftFile> files = new ArrayList<>(draft.files());
            files.add(new DraftFile(name, comment, intents, Optional.empty()));
            return draft.withFiles(files);
        }

        @Override
        public TrainerAction action() {
            return TrainerAction.FILE_ADDED;
        }

        @Override
        public String intent() {
            return name;
        }
    }

    private static Intent existing(Draft draft, String intent) {
        return draft.find(intent).orElseThrow(() -> new UnknownIntentException(intent));
    }
}
