package dev.baton.nlu;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * Which features the intent model reads from a message's tokens. Saved inside the model file, because a model only
 * makes sense with the features it was trained on.
 *
 * @param wordNgrams longest run of adjacent words used as one feature (1 = single words only)
 * @param charMin    shortest character n-gram taken inside a word (0 = no character n-grams)
 * @param charMax    longest character n-gram taken inside a word
 */
public record FeatureSettings(int wordNgrams, int charMin, int charMax) {

    public static final FeatureSettings DEFAULTS = new FeatureSettings(2, 3, 5);

    private static final Pattern ENCODED = Pattern.compile("words=(\\d+);chars=(\\d+)-(\\d+)");

    public FeatureSettings {
        if (wordNgrams < 1) {
            throw new IllegalArgumentException("wordNgrams must be at least 1, was " + wordNgrams);
        }
        if (charMin < 0 || charMax < charMin || (charMin == 0) != (charMax == 0)) {
            throw new IllegalArgumentException("character n-grams need 1 <= charMin <= charMax, or both 0; was "
                    + charMin + "-" + charMax);
        }
    }

    List<FeatureGenerator> generators() {
        return charMin == 0
                ? List.of(new WordNgramFeatures(wordNgrams))
                : List.of(new WordNgramFeatures(wordNgrams), new CharNgramFeatures(charMin, charMax));
    }

    String encode() {
        return String.format(Locale.ROOT, "words=%d;chars=%d-%d", wordNgrams, charMin, charMax);
    }

    static FeatureSettings decode(String encoded) {
        Matcher m = encoded == null ? null : ENCODED.matcher(encoded);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a Baton intent model: feature settings are '" + encoded + "'");
        }
        return new FeatureSettings(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }
}
