package dev.baton.nlu;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;

/**
 * Tells a very short message that names a topic ("order", "payment", "my account", "help") from one that asks
 * something ("refund", "unsubscribe", "thanks"), from where its words occur in the training examples: a word that
 * most examples containing it share with one intent points to that intent; a word spread over several intents
 * ("order" is in order tracking, cancelling, changing the address, invoices…) does not say which one is meant.
 *
 * <p>Why: the model gives such a message to whichever intent its word weighs most in, often confidently: on the
 * real-wording test set (docs/classifier.md) "order" got the cancellation answer, "payment" the failed-payment one,
 * "help" "You're welcome!". A careful agent asks which topic is meant instead. Immutable.
 */
public final class TopicWords {

    /** Messages of more words than this are questions, not bare topics: the model reads them. */
    static final int MAX_WORDS = 3;
    /** A word points to one intent when that intent holds at least this share of the examples containing it. */
    static final double POINTING_SHARE = 0.7;

    /**
     * Words that ask for help without saying with what ("question" is not one: "quick question" is how a visitor
     * says hello before asking). A message of a few of them names no topic even where the
     * examples tie the word to one intent: Lithuanian "pagalba" (help) got the thanks answer, because only "ačiū už
     * pagalbą" (thanks for the help) had it. Normalised forms (no diacritics).
     */
    private static final Map<String, Set<String>> HELP = Map.of(
            "en", Set.of("help", "problem", "issue", "info", "support"),
            "it", Set.of("aiuto", "problema", "info", "informazioni", "assistenza"),
            "lt", Set.of("pagalba", "pagalbos", "padekite", "problema", "informacija"),
            "fa", Set.of("کمک", "مشکل", "راهنمایی"));

    /**
     * Question words: a message of two or three words with one of them asks something ("ایمیل پشتیبانی چیه", what is
     * the support email), which the model reads, rather than naming a bare topic. Persian says in three words what
     * English says in five, so its short questions met the bare-topic rule most.
     */
    private static final Map<String, Set<String>> QUESTION_WORDS = Map.of(
            "en", Set.of("what", "when", "where", "how", "why", "who", "which"),
            "it", Set.of("cosa", "quando", "dove", "come", "perche", "chi", "quale", "quanto", "quanti"),
            "lt", Set.of("kas", "kada", "kur", "kaip", "kodel", "kiek"),
            "fa", Set.of("چیه", "چی", "کی", "کجا", "کجاست", "چطور", "چطوری", "چجوری", "چرا", "چند", "چنده", "چقدر",
                    "چقدره"));

    /** Per language, the words that point to one intent. */
    private final Map<String, Set<String>> pointing;
    /** Per language, every word of the examples. */
    private final Map<String, Set<String>> known;
    /**
     * Per language, the examples of at most {@value #MAX_WORDS} words (as stems, in order) that only one intent has:
     * a message that says one of them word for word names that intent, because a trainer said so. Italian "ciao"
     * is a greeting's example, but goodbyes end with it too ("va bene così, ciao"), so its word alone points
     * nowhere, and the visitor who opened with "ciao" was asked whether they meant hello or goodbye.
     */
    private final Map<String, Set<List<String>>> ownPhrases;

    private TopicWords(Map<String, Set<String>> pointing, Map<String, Set<String>> known,
                       Map<String, Set<List<String>>> ownPhrases) {
        this.pointing = pointing;
        this.known = known;
        this.ownPhrases = ownPhrases;
    }

    public static TopicWords of(IntentDatabase database) {
        // language -> word -> intent -> examples of that intent containing the word
        Map<String, Map<String, Map<String, Integer>>> counts = new HashMap<>();
        // language -> short example -> the intents that have it
        Map<String, Map<List<String>, Set<String>>> phrases = new HashMap<>();
        for (Intent intent : database.intents()) {
            intent.examples().forEach((language, examples) -> {
                TextNormalizer normalizer = TextNormalizer.forLanguage(language);
                Map<String, Map<String, Integer>> words = counts.computeIfAbsent(language, l -> new HashMap<>());
                for (String example : examples) {
                    List<String> tokens = normalizer.tokens(example);
                    for (String word : stems(tokens, language)) {
                        words.computeIfAbsent(word, w -> new HashMap<>()).merge(intent.id(), 1, Integer::sum);
                    }
                    if (!tokens.isEmpty() && tokens.size() <= MAX_WORDS) {
                        phrases.computeIfAbsent(language, l -> new HashMap<>())
                                .computeIfAbsent(phrase(tokens, language), p -> new HashSet<>()).add(intent.id());
                    }
                }
            });
        }
        Map<String, Set<List<String>>> ownPhrases = new HashMap<>();
        phrases.forEach((language, byPhrase) -> ownPhrases.put(language, byPhrase.entrySet().stream()
                .filter(e -> e.getValue().size() == 1).map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet())));
        Map<String, Set<String>> pointing = new HashMap<>();
        Map<String, Set<String>> known = new HashMap<>();
        counts.forEach((language, words) -> {
            known.put(language, Set.copyOf(words.keySet()));
            Set<String> specific = new HashSet<>();
            words.forEach((word, byIntent) -> {
                int total = byIntent.values().stream().mapToInt(Integer::intValue).sum();
                int top = byIntent.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                if (top >= POINTING_SHARE * total) {
                    specific.add(word);
                }
            });
            pointing.put(language, Set.copyOf(specific));
        });
        return new TopicWords(Map.copyOf(pointing), Map.copyOf(known), Map.copyOf(ownPhrases));
    }

    /**
     * Whether a message is too short and too unspecific to answer: at most {@value #MAX_WORDS} words, no question
     * word among two or more, not word for word an example only one intent has, and either a plea for help with no word pointing to one intent, or all of them words
     * of the examples and none pointing to one intent. A message with a word the examples never had is left to
     * the model, which may still recognise it by its letters (a typo, an inflection).
     *
     * @param tokens the message's tokens ({@link TextNormalizer#tokens}) in {@code language}
     */
    public boolean namesNoTopic(List<String> tokens, String language) {
        if (tokens.isEmpty() || tokens.size() > MAX_WORDS) {
            return false;
        }
        Set<String> words = known.getOrDefault(language, Set.of());
        if (words.isEmpty()
                || (tokens.size() >= 2 && tokens.stream().anyMatch(QUESTION_WORDS.getOrDefault(language, Set.of())::contains))
                || ownPhrases.getOrDefault(language, Set.of()).contains(phrase(tokens, language))) {
            return false;
        }
        Set<String> points = pointing.getOrDefault(language, Set.of());
        Set<String> help = HELP.getOrDefault(language, Set.of());
        if (tokens.stream().anyMatch(help::contains)) {
            return stems(tokens.stream().filter(t -> !help.contains(t)).toList(), language).stream().noneMatch(points::contains);
        }
        Set<String> stems = stems(tokens, language);
        return stems.stream().noneMatch(points::contains) && words.containsAll(stems);
    }

    private static List<String> phrase(List<String> tokens, String language) {
        return tokens.stream().map(token -> LightStemmer.stem(token, language)).toList();
    }

    /** Inflected forms count as one word ("užsakymas", "užsakymą"): it is the word that points, not its ending. */
    private static Set<String> stems(List<String> tokens, String language) {
        Set<String> stems = new HashSet<>();
        tokens.forEach(token -> stems.add(LightStemmer.stem(token, language)));
        return stems;
    }
}
