package dev.baton.nlu;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character n-grams inside each word, with the word's edges marked ("<ord", "der>"), so that inflections
 * ("ordine"/"ordini", "užsakymas"/"užsakymą") and typos still share most features. Stateless.
 */
final class CharNgramFeatures implements FeatureGenerator {

    private final int minN;
    private final int maxN;

    CharNgramFeatures(int minN, int maxN) {
        this.minN = minN;
        this.maxN = maxN;
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        int most = 0;
        for (String token : tokens) {
            most += (maxN - minN + 1) * (token.length() + 2);
        }
        // Sized for every n-gram at once, rather than grown step by step to hundreds of n-grams.
        Set<String> features = new LinkedHashSet<>(most * 4 / 3 + 1);
        for (String token : tokens) {
            features.addAll(of(token));
        }
        return features;
    }

    /**
     * One word's distinct n-grams, in the order {@link #extractFeatures} takes them: a message's features are its
     * words' n-grams in word order, each kept the first time it comes.
     */
    List<String> of(String token) {
        String marked = '<' + token + '>';
        Set<String> grams = new LinkedHashSet<>((maxN - minN + 1) * marked.length() * 4 / 3 + 1);
        for (int n = minN; n <= maxN; n++) {
            for (int start = 0; start + n <= marked.length(); start++) {
                // No prefix needed: word features all contain '=', which no token does.
                grams.add(marked.substring(start, start + n));
            }
        }
        return List.copyOf(grams);
    }
}
