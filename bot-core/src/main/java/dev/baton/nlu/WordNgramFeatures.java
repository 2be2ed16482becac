package dev.baton.nlu;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import opennlp.tools.doccat.FeatureGenerator;

/** Single words and runs of up to {@code maxN} adjacent words ("track order", "my order"). Stateless. */
final class WordNgramFeatures implements FeatureGenerator {

    private final int maxN;

    WordNgramFeatures(int maxN) {
        this.maxN = maxN;
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        // Sized for every n-gram at once, rather than grown step by step.
        Set<String> features = new LinkedHashSet<>(maxN * tokens.length * 4 / 3 + 1);
        for (int n = 1; n <= maxN; n++) {
            for (int start = 0; start + n <= tokens.length; start++) {
                StringBuilder feature = new StringBuilder("w").append(n).append('=').append(tokens[start]);
                for (int i = start + 1; i < start + n; i++) {
                    feature.append(' ').append(tokens[i]);
                }
                features.add(feature.toString());
            }
        }
        // Spoken Persian attaches pronouns to the word ("سفارشم", my order): the bare word is a feature too.
        for (String token : tokens) {
            String stem = PersianClitics.stem(token);
            if (!stem.equals(token)) {
                features.add("w1=" + stem);
            }
        }
        return features;
    }
}
