package dev.baton.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dev.baton.intents.IntentDatabase;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Detects a chat message's language with OpenNLP's 103-language detector, helped by what a chat knows besides the
 * text.
 *
 * <p>OpenNLP spreads its probability over all 103 languages, so even a clear sentence rarely gets more than a few
 * percent; what tells is how far the best language leads. Chat messages are often too short for any lead
 * ("ok", "grazie"), so, in order:
 * <ol>
 *   <li>Arabic-script letters mean Persian, the only such language among ours, when the database has it; when it
 *       has not, they rule out every supported language.</li>
 *   <li>A message of two words or more, at least three quarters of them words of one language's training
 *       examples, and clearly more than any other language's ({@link Vocabularies}), is in that language.</li>
 *   <li>A language we do not support wins only when it leads every supported one clearly on a message long enough
 *       to judge: then the caller can say it falls back to the default language.</li>
 *   <li>Lithuanian-only letters (ą, č, ę, ė, į, š, ų, ū, ž) mean Lithuanian, when the database has it.</li>
 *   <li>A message of two words or more of which one language's training examples know clearly more than any
 *       other's is in that language.</li>
 *   <li>A supported language that leads the other supported ones clearly, and is not far behind the overall best,
 *       wins, unless the conversation's language is nearly as likely: a conversation does not switch language on
 *       one ambiguous word.</li>
 *   <li>Otherwise the conversation's language so far, then the widget's hint, then the default.</li>
 * </ol>
 *
 * <p>Thread-safe. The OpenNLP model (some 10 MB) is loaded once per JVM, when the first detector is built, and
 * evaluated by {@link LanguageProbabilities}.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

    /** How many times likelier than any supported language an unsupported one must be to be believed. */
    private static final double UNSUPPORTED_LEAD = 1.6;
    /** ...and on at least this many letters: shorter texts look like a dozen languages at once. */
    private static final int UNSUPPORTED_MIN_LETTERS = 12;
    /**
     * A message this much made of one language's example words is in that language, whatever the character
     * statistics say: they cost more than all the rest of a bot turn, and on such messages they add nothing.
     */
    private static final double MOSTLY_KNOWN = 0.75;
    /** How many times likelier than the runner-up a supported language must be to be believed. */
    private static final double SUPPORTED_LEAD = 1.15;
    private static final String LITHUANIAN_LETTERS = "ąčęėįšųūž";
    /** ISO 639-3 codes the detector uses that Java's locales do not map to ISO 639-1 (individual languages). */
    private static final Map<String, String> INDIVIDUAL_LANGUAGES = Map.of(
            "pes", "fa", "prs", "fa", "cmn", "zh", "lvs", "lv", "ekk", "et", "zsm", "ms", "arb", "ar", "swh", "sw");
    private static final Map<String, String> TWO_LETTER_CODES = twoLetterCodes();

    /** The database in use now; null for a detector that knows only the supported languages. */
    private final Supplier<IntentDatabase> database;
    private final String defaultLanguage;
    private volatile Known known;

    /**
     * A detector that knows the intent database's languages and words, following it through live retraining.
     *
     * @param database        the intent database in use now
     * @param defaultLanguage the language of last resort, normally one the database has examples in
     */
    public OpenNlpLanguageDetector(Supplier<IntentDatabase> database, String defaultLanguage) {
        this.database = Objects.requireNonNull(database, "database");
        this.defaultLanguage = defaultLanguage;
        // The database's words now, on the constructing thread, like the model (see below).
        this.known = Known.of(database.get());
        loadModel();
    }

    /**
     * A detector that knows only which languages are supported, not their words.
     *
     * @param supported       the languages the intent database has examples in
     * @param defaultLanguage the language of last resort, normally one of {@code supported}
     */
    public OpenNlpLanguageDetector(Set<String> supported, String defaultLanguage) {
        this.database = null;
        this.defaultLanguage = defaultLanguage;
        this.known = new Known(null, Set.copyOf(supported), Vocabularies.none());
        loadModel();
    }

    /** Now, on the constructing thread: the first use may be on an event loop, which must never wait for a multi-megabyte read. */
    private static void loadModel() {
        Objects.requireNonNull(Model.PROBABILITIES);
    }

    @Override
    public String detect(String text, Optional<String> conversationLanguage, Optional<String> hint) {
        Known now = known();
        Set<String> supported = now.supported();
        Optional<String> conversation = conversationLanguage.map(OpenNlpLanguageDetector::primaryTag);
        String fallback = conversation.or(() -> hint.map(OpenNlpLanguageDetector::primaryTag)).orElse(defaultLanguage);
        boolean arabicScript = containsArabicScript(text);
        if (arabicScript && supported.contains("fa")) {
            return "fa";
        }
        Optional<Vocabularies.Leader> byWords = now.vocabularies().clearLeader(text);
        if (byWords.isPresent() && byWords.get().share() >= MOSTLY_KNOWN) {
            return byWords.get().language();
        }
        Scores scores = Scores.of(Model.PROBABILITIES.of(text), supported);
        if (scores.bestUnsupported != null && letters(text) >= UNSUPPORTED_MIN_LETTERS
                && scores.bestUnsupportedConfidence >= UNSUPPORTED_LEAD * scores.bestSupportedConfidence) {
            return scores.bestUnsupported;
        }
        if (arabicScript) {
            return fallback;
        }
        if (containsAny(text, LITHUANIAN_LETTERS) && supported.contains("lt")) {
            return "lt";
        }
        if (byWords.isPresent()) {
            return byWords.get().language();
        }
        if (scores.bestSupported != null
                && scores.bestSupportedConfidence >= SUPPORTED_LEAD * scores.secondSupportedConfidence
                && scores.bestSupportedConfidence * UNSUPPORTED_LEAD >= scores.bestUnsupportedConfidence) {
            boolean conversationNearlyAsLikely = conversation.isPresent()
                    && scores.confidenceOf(conversation.get()) * SUPPORTED_LEAD >= scores.bestSupportedConfidence;
            return conversationNearlyAsLikely ? conversation.get() : scores.bestSupported;
        }
        return fallback;
    }

    /** The database's languages and words, computed again only when a retraining brings a new database. */
    private Known known() {
        Known current = known;
        if (database != null) {
            IntentDatabase now = database.get();
            if (current.database() != now) {
                current = Known.of(now);
                known = current;
            }
        }
        return current;
    }

    private record Known(IntentDatabase database, Set<String> supported, Vocabularies vocabularies) {
        static Known of(IntentDatabase database) {
            return new Known(database, database.languages(), Vocabularies.of(database));
        }
    }

    private static String primaryTag(String languageTag) {
        return Locale.forLanguageTag(languageTag.replace('_', '-')).getLanguage();
    }

    private static boolean containsArabicScript(String text) {
        return text.codePoints().anyMatch(c -> Character.isLetter(c)
                && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }

    private static boolean containsAny(String text, String letters) {
        String lower = text.toLowerCase(Locale.ROOT);
        return letters.chars().anyMatch(c -> lower.indexOf(c) >= 0);
    }

    private static long letters(String text) {
        return text.codePoints().filter(Character::isLetter).count();
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>(INDIVIDUAL_LANGUAGES);
        for (String twoLetter : Locale.getISOLanguages()) {
            codes.putIfAbsent(Locale.forLanguageTag(twoLetter).getISO3Language(), twoLetter);
        }
        return codes;
    }

    /** The detector's opinion, in two-letter codes, split into the languages we support and the others. */
    private record Scores(Map<String, Double> confidences, String bestSupported, double bestSupportedConfidence,
                          double secondSupportedConfidence, String bestUnsupported, double bestUnsupportedConfidence) {

        static Scores of(double[] probabilities, Set<String> supported) {
            Map<String, Double> confidences = new HashMap<>();
            for (int i = 0; i < probabilities.length; i++) {
                String code = Model.CODES[i];
                if (code != null) {
                    confidences.merge(code, probabilities[i], Math::max);
                }
            }
            String bestSupported = null;
            double best = 0;
            double second = 0;
            String bestUnsupported = null;
            double bestOther = 0;
            for (Map.Entry<String, Double> entry : confidences.entrySet()) {
                double confidence = entry.getValue();
                if (!supported.contains(entry.getKey())) {
                    if (confidence > bestOther) {
                        bestUnsupported = entry.getKey();
                        bestOther = confidence;
                    }
                } else if (confidence > best) {
                    second = best;
                    bestSupported = entry.getKey();
                    best = confidence;
                } else if (confidence > second) {
                    second = confidence;
                }
            }
            return new Scores(confidences, bestSupported, best, second, bestUnsupported, bestOther);
        }

        double confidenceOf(String language) {
            return confidences.getOrDefault(language, 0.0);
        }
    }

    /** Holder idiom: the model loads with the first detector, once, and is shared by every detector and thread. */
    private static final class Model {
        static final LanguageProbabilities PROBABILITIES = new LanguageProbabilities(load());
        /** The two-letter code of each of the model's languages, or null for the few that have none. */
        static final String[] CODES = Arrays.stream(PROBABILITIES.languages())
                .map(OpenNlpLanguageDetector.TWO_LETTER_CODES::get).toArray(String[]::new);

        private static LanguageDetectorModel load() {
            try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
                if (in == null) {
                    throw new IllegalStateException("langdetect-183.bin is missing: add opennlp-models-langdetect");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read OpenNLP's language detection model", e);
            }
        }
    }
}
