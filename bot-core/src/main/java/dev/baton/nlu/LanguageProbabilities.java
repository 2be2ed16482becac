package dev.baton.nlu;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

import java.util.Arrays;
import java.util.Map;

/**
 * OpenNLP's language detection model, laid out for speed: the same features and the same parameters give the same
 * probabilities as {@code LanguageDetectorME} (tested against it).
 *
 * <p>Why: detection runs on every chat message, and under load it took 39 % of a node's CPU. OpenNLP keeps the
 * model's 146,000 character n-grams as {@code String} keys of a {@code LinkedHashMap}; n-grams of one to three
 * characters have so few distinct {@code String} hash codes that many bins turn into trees, and every lookup
 * chases pointers through them and through a {@code Context} object per n-gram. Here an n-gram of up to three
 * characters <em>is</em> its key (three 16-bit chars in a {@code long}), the table is open-addressed, and the
 * parameters of all n-grams sit in two flat arrays. The features are made the way
 * {@code DefaultLanguageDetectorContextGenerator} makes them — the distinct one- to three-character substrings of
 * the lower-cased text after OpenNLP's normalisers — but as packed keys instead of a {@code HashMap} of
 * {@code CharBuffer}s. It also skips building, sorting and boxing one {@code Language} object per language per
 * call, which the caller did not need.
 *
 * <p>Immutable and thread-safe.
 */
final class LanguageProbabilities {

    /** The n-gram lengths OpenNLP's {@code LanguageDetectorFactory} uses. */
    private static final int MIN_NGRAM = 1;
    private static final int MAX_NGRAM = 3;
    /** The normalisers OpenNLP's {@code LanguageDetectorFactory} uses, in its order. */
    private static final CharSequenceNormalizer NORMALIZER = new AggregateCharSequenceNormalizer(
            EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());

    private final String[] languages;
    private final long[] keys;
    private final int[] slots;
    private final int mask;
    /** The parameters of n-gram {@code i} are {@code outcomes/weights[starts[i] .. starts[i + 1])}. */
    private final int[] starts;
    private final int[] outcomes;
    private final double[] weights;

    LanguageProbabilities(LanguageDetectorModel model) {
        MaxentModel maxent = model.getMaxentModel();
        if (!(maxent instanceof GISModel gis)) {
            throw new IllegalArgumentException("expected a GIS language model, got " + maxent.getClass().getName());
        }
        this.languages = new String[gis.getNumOutcomes()];
        for (int i = 0; i < languages.length; i++) {
            languages[i] = gis.getOutcome(i);
        }
        Object[] data = gis.getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> ngrams = (Map<String, Context>) data[1];
        int capacity = Integer.highestOneBit(Math.max(2, ngrams.size() * 2) - 1) << 1;
        this.keys = new long[capacity];
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        this.starts = new int[ngrams.size() + 1];
        int total = ngrams.values().stream().mapToInt(c -> c.getOutcomes().length).sum();
        this.outcomes = new int[total];
        this.weights = new double[total];
        int index = 0;
        int offset = 0;
        for (Map.Entry<String, Context> entry : ngrams.entrySet()) {
            Context context = entry.getValue();
            int[] contextOutcomes = context.getOutcomes();
            System.arraycopy(contextOutcomes, 0, outcomes, offset, contextOutcomes.length);
            System.arraycopy(context.getParameters(), 0, weights, offset, contextOutcomes.length);
            starts[index] = offset;
            offset += contextOutcomes.length;
            String ngram = entry.getKey();
            // Longer ones can never be asked for.
            if (ngram.length() >= MIN_NGRAM && ngram.length() <= MAX_NGRAM) {
                insert(pack(ngram, 0, ngram.length()), index);
            }
            index++;
        }
        starts[index] = offset;
    }

    /** The model's languages (ISO 639-3 codes, as OpenNLP names them), in the order of {@link #of}'s result. */
    String[] languages() {
        return languages.clone();
    }

    /** The probability of each of {@link #languages()} for the text; they sum to 1. */
    double[] of(CharSequence text) {
        double[] sums = new double[languages.length];
        for (long ngram : distinctNgrams(text)) {
            int index = find(ngram);
            if (index < 0) {
                continue;
            }
            for (int p = starts[index], end = starts[index + 1]; p < end; p++) {
                sums[outcomes[p]] += weights[p];
            }
        }
        return Softmax.inPlace(sums);
    }

    /** OpenNLP's features of the text, each once, as packed keys. */
    private static long[] distinctNgrams(CharSequence text) {
        CharSequence normalized = NORMALIZER.normalize(text);
        char[] folded = new char[normalized.length()];
        for (int i = 0; i < folded.length; i++) {
            // Character by character, as OpenNLP's NGramCharModel lower-cases (not String.toLowerCase).
            folded[i] = Character.toLowerCase(normalized.charAt(i));
        }
        String lower = new String(folded);
        long[] ngrams = new long[lower.length() * (MAX_NGRAM - MIN_NGRAM + 1)];
        int count = 0;
        for (int length = MIN_NGRAM; length <= MAX_NGRAM; length++) {
            for (int start = 0; start + length <= lower.length(); start++) {
                ngrams[count++] = pack(lower, start, length);
            }
        }
        Arrays.sort(ngrams, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || ngrams[distinct - 1] != ngrams[i]) {
                ngrams[distinct++] = ngrams[i];
            }
        }
        return Arrays.copyOf(ngrams, distinct);
    }

    private int find(long key) {
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return slots[slot];
            }
            if (keys[slot] == 0) {
                return -1;
            }
        }
    }

    private void insert(long key, int index) {
        int slot = spread(key) & mask;
        while (keys[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        slots[slot] = index;
    }

    /** The length in the top bits keeps "a" and "\0a" apart and makes every key non-zero (zero marks a free slot). */
    private static long pack(CharSequence chars, int start, int length) {
        long key = length;
        for (int i = start; i < start + length; i++) {
            key = (key << 16) | chars.charAt(i);
        }
        return key;
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
