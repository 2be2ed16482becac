package dev.baton.app.load;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.nlu.TextNormalizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The FAQ questions the load generator asks: the shipped intents' training examples in one language, minus the
 * topics that always go to a person and the small talk, each normalised text once, interleaved across intents so
 * that a conversation moves from topic to topic like a real one. Also knows every answer text, so that a reply
 * can be recognised as the answer to the intended question, another intent's answer, or something else
 * (a "did you mean", "I did not understand", a handoff).
 */
final class Questions {

    /** Never asked: they hand off (by flag or by meaning) or are small talk, not FAQ questions. */
    static final Set<String> EXCLUDED_INTENTS = Set.of(
            "talk_to_human", "complaint", "payment_dispute", "greeting", "thanks", "goodbye");

    /**
     * What a reply was: the question's own intent's answer in the question's language, the right answer in
     * another language (the bot misread the language), another intent's answer, or anything else.
     */
    enum ReplyKind { ANSWER, ANSWER_OTHER_LANGUAGE, OTHER_INTENT, OTHER }

    /** Which intent an answer text belongs to, and in which language. */
    private record AnswerOf(String intent, String language) {
    }

    /** One question: its text, the intent it was written for, and the text as a JSON string literal. */
    record Question(String intent, String text, String jsonText) {
    }

    private final List<Question> all;
    private final Map<String, AnswerOf> answers;
    private final String language;
    private final int candidates;

    private Questions(List<Question> all, Map<String, AnswerOf> answers, String language, int candidates) {
        this.all = List.copyOf(all);
        this.answers = answers;
        this.language = language;
        this.candidates = candidates;
    }

    /** Loads {@code intents} (a directory or file) and keeps the examples in {@code language}. */
    static Questions load(Path intents, String language) {
        IntentDatabase database = IntentDatabaseLoader.load(intents);
        TextNormalizer normalizer = TextNormalizer.forLanguage(language);
        Map<String, List<String>> perIntent = new LinkedHashMap<>();
        Set<String> normalisedSeen = new HashSet<>();
        Map<String, AnswerOf> answers = new HashMap<>();
        int candidates = 0;
        for (Intent intent : database.intents()) {
            intent.answers().forEach((answerLanguage, texts) ->
                    texts.forEach(text -> answers.putIfAbsent(text, new AnswerOf(intent.id(), answerLanguage))));
            if (intent.handoff() || EXCLUDED_INTENTS.contains(intent.id())) {
                continue;
            }
            for (String example : intent.examples().getOrDefault(language, List.of())) {
                candidates++;
                // Baton hands off a visitor who asks the same thing twice, compared after normalisation.
                if (normalisedSeen.add(normalizer.normalize(example))) {
                    perIntent.computeIfAbsent(intent.id(), k -> new ArrayList<>()).add(example);
                }
            }
        }
        List<Question> interleaved = new ArrayList<>();
        for (int round = 0; ; round++) {
            boolean any = false;
            for (Map.Entry<String, List<String>> entry : perIntent.entrySet()) {
                if (round < entry.getValue().size()) {
                    String text = entry.getValue().get(round);
                    interleaved.add(new Question(entry.getKey(), text, LoadJson.quote(text)));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        if (interleaved.isEmpty()) {
            throw new IllegalArgumentException("no questions in language " + language + " under " + intents);
        }
        return new Questions(interleaved, answers, language, candidates);
    }

    /** The default intents folder: {@code intents} from the repository root, {@code ../intents} from a module. */
    static Path defaultIntents() {
        for (String candidate : List.of("intents", "../intents")) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return Path.of("intents");
    }

    /** The same answers, asking only {@code kept} (e.g. after screening). */
    Questions keeping(Collection<Question> kept) {
        List<Question> subset = all.stream().filter(kept::contains).toList();
        if (subset.isEmpty()) {
            throw new IllegalStateException("no question survived screening");
        }
        return new Questions(subset, answers, language, candidates);
    }

    List<Question> all() {
        return all;
    }

    int size() {
        return all.size();
    }

    Question get(int index) {
        return all.get(Math.floorMod(index, all.size()));
    }

    /** How many examples there were before de-duplication and screening. */
    int candidates() {
        return candidates;
    }

    ReplyKind classify(Question question, String replyText) {
        AnswerOf answer = replyText == null ? null : answers.get(replyText);
        if (answer == null) {
            return ReplyKind.OTHER;
        }
        if (!answer.intent().equals(question.intent())) {
            return ReplyKind.OTHER_INTENT;
        }
        return answer.language().equals(language) ? ReplyKind.ANSWER : ReplyKind.ANSWER_OTHER_LANGUAGE;
    }

    /** "intent (language)" of the answer {@code replyText} is, or null. */
    String describeAnswer(String replyText) {
        AnswerOf answer = replyText == null ? null : answers.get(replyText);
        return answer == null ? null : answer.intent() + " (" + answer.language() + ")";
    }
}
