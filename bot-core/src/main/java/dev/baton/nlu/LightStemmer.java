package dev.baton.nlu;

import java.util.List;
import java.util.Map;

/**
 * Cuts the inflectional ending off a normalised word (no diacritics) in the languages that inflect most among
 * ours, so that the forms of one word meet: Lithuanian "užsakymas", "užsakymą", "užsakymo" → "uzsakym"; Italian
 * "ordine", "ordini" → "ordin". Light on purpose: only endings, only on words of five letters or more, and other
 * languages' words unchanged. Stateless.
 */
final class LightStemmer {

    private static final int MIN_LENGTH = 5;
    /** Longest endings first, so that "-uose" is cut before "-e". */
    private static final Map<String, List<String>> ENDINGS = Map.of(
            // Normalised words have no diacritics: "-ą", "-ų", "-ė", "-į", "-ū" are "-a", "-u", "-e", "-i", "-u" here.
            "lt", List.of("iuose", "uose", "ams", "oms", "ems", "ose", "ese", "yse", "iai", "ius", "ais", "ui", "as",
                    "is", "ys", "us", "os", "es", "ai", "ei", "a", "o", "u", "e", "i", "y"),
            "it", List.of("e", "i", "a", "o"));

    private LightStemmer() {
    }

    static String stem(String word, String language) {
        List<String> endings = ENDINGS.get(language);
        if (endings == null || word.length() < MIN_LENGTH) {
            return word;
        }
        for (String ending : endings) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_LENGTH - 1) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }
}
