package dev.baton.nlu;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A model's character n-gram features of a message, read word by word from what the model knows of each word: its
 * n-grams' fingerprints and weight rows, remembered for the {@value #WORDS} most useful words.
 *
 * <p>Why: character n-grams are most of a message's features (about 15 per word against 2 word features), and
 * building each as a string, hashing it and probing the model's table of tens of thousands of names for it was most of
 * classifying. Customers' words repeat (a shop's chat uses a few thousand), so a word seen before now costs one cache
 * look-up and one row: the sum of its n-grams' rows, computed when it was first seen. An n-gram two words of a
 * message share (in "order" and "orders") is subtracted once, as {@link CharNgramFeatures#extractFeatures} keeps it
 * once. Measured with JMH on the shipped intents (channel-adapters/bench/jmh.sh): 93,000 classifications a second
 * before, 136,000 after (10.7 to 7.4 µs each). What it saves a live node is within the noise of its 250–300 µs per
 * message (docs/benchmarks.md); it counts where the bot classifies in bulk: the threshold's cross-validation at every
 * reload and the trainer's evaluations.
 *
 * <p>Gives the scores of the features {@link CharNgramFeatures#extractFeatures} gives, with the same count for the
 * 1/√n value; summed in another order, so equal to float rounding (about 10<sup>-6</sup>), not to the last bit.
 * Thread-safe.
 */
final class WordGramRows {

    /**
     * Words remembered per model: each holds its n-grams' fingerprints and rows and the sum of the rows, about
     * 400 bytes for a word of eight letters and a model of 32 intents, so at most about 8 MB.
     */
    static final int WORDS = 20_000;

    private final CharNgramFeatures grams;
    private final MaxentWeights weights;
    private final Cache<String, Word> words = Caffeine.newBuilder().maximumSize(WORDS).build();

    WordGramRows(CharNgramFeatures grams, MaxentWeights weights) {
        this.grams = grams;
        this.weights = weights;
    }

    /** Adds the weights of the message's distinct n-grams, each {@code 1/√n} of the n it has, to {@code scores}. */
    void addScores(String[] tokens, float[] scores) {
        Word[] known = new Word[tokens.length];
        int most = 0;
        for (int i = 0; i < tokens.length; i++) {
            known[i] = words.get(tokens[i], this::read);
            most += known[i].fingerprints.length;
        }
        // The message's distinct n-grams, by fingerprint (never 0: 0 marks a free slot), in an open-addressed set
        // small enough to stay in the first-level cache. An n-gram an earlier word had is taken back out of this
        // word's sum, so that it counts once.
        long[] seen = new long[Integer.highestOneBit(Math.max(2, most) * 2 - 1) << 1];
        int mask = seen.length - 1;
        float[] sum = new float[scores.length];
        int distinct = 0;
        for (Word word : known) {
            weights.addTo(word.sum, 1f, sum);
            for (int g = 0; g < word.fingerprints.length; g++) {
                long fingerprint = word.fingerprints[g];
                int slot = (int) fingerprint & mask;
                while (seen[slot] != 0 && seen[slot] != fingerprint) {
                    slot = (slot + 1) & mask;
                }
                if (seen[slot] == 0) {
                    seen[slot] = fingerprint;
                    distinct++;
                } else {
                    weights.addRow(word.rows[g], -1f, sum);
                }
            }
        }
        if (distinct > 0) {
            weights.addTo(sum, (float) (1 / Math.sqrt(distinct)), scores);
        }
    }

    private Word read(String token) {
        List<String> names = grams.of(token);
        long[] fingerprints = new long[names.size()];
        int[] rows = new int[names.size()];
        float[] sum = new float[weights.outcomeCount()];
        for (int g = 0; g < fingerprints.length; g++) {
            fingerprints[g] = PredicateRows.fingerprint(names.get(g));
            rows[g] = weights.rowOf(names.get(g));
            weights.addRow(rows[g], 1f, sum);
        }
        return new Word(fingerprints, rows, sum);
    }

    /**
     * A word's distinct n-grams: fingerprint and row (-1 when the model does not know it) of each, in order, and
     * the sum of their rows.
     */
    private record Word(long[] fingerprints, int[] rows, float[] sum) {
    }
}
