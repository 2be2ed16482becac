package dev.baton.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;

/**
 * A second opinion on a message: the intent of the training example most like it, by cosine similarity of TF-IDF
 * weighted words and character 3-5-grams, in the message's language. It errs differently from the model, which
 * weighs each feature for all examples at once: a message that resembles one example closely but mixes the words
 * of several intents is where the two disagree.
 *
 * <p>Why: on the real-wording test set (docs/classifier.md) most confidently wrong answers had a confidence under
 * 0.35, where the model was right about two times in three; asking when the nearest example disagrees keeps most of
 * the right ones. Only uncertain messages are compared (a search over every example of the language). Immutable.
 */
public final class ExampleNeighbours {

    private static final CharNgramFeatures CHARACTERS = new CharNgramFeatures(3, 5);

    private final Map<String, Examples> byLanguage;
    private final Map<String, Map<String, Double>> idf;
    /** Per language, the weight of a feature no example has: the highest any feature could have. */
    private final Map<String, Double> unseen;

    private record Example(String intent, Map<String, Double> vector) {
    }

    /**
     * One language's examples as an inverted index: for each feature, the examples that have it and its weight
     * in each. Why: with every example compared in turn (a map lookup per feature and example), the bot turn's
     * median on the real-wording set went from 107 to 362 us (busy machine); summing along the postings of the
     * message's features touches only the examples that share one, with no lookup per example.
     */
    private record Examples(String[] intents, Map<String, Posting> postings) {

        static Examples of(List<Example> examples) {
            Map<String, List<double[]>> building = new HashMap<>();
            for (int i = 0; i < examples.size(); i++) {
                int index = i;
                examples.get(i).vector().forEach((feature, weight) ->
                        building.computeIfAbsent(feature, f -> new ArrayList<>()).add(new double[]{index, weight}));
            }
            Map<String, Posting> postings = new HashMap<>();
            building.forEach((feature, entries) -> {
                int[] ids = new int[entries.size()];
                double[] weights = new double[entries.size()];
                for (int j = 0; j < ids.length; j++) {
                    ids[j] = (int) entries.get(j)[0];
                    weights[j] = entries.get(j)[1];
                }
                postings.put(feature, new Posting(ids, weights));
            });
            return new Examples(examples.stream().map(Example::intent).toArray(String[]::new), Map.copyOf(postings));
        }
    }

    private record Posting(int[] examples, double[] weights) {
    }

    private ExampleNeighbours(Map<String, Examples> byLanguage, Map<String, Map<String, Double>> idf) {
        this.byLanguage = byLanguage;
        this.idf = idf;
        Map<String, Double> highest = new HashMap<>();
        idf.forEach((language, weights) ->
                highest.put(language, weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(1)));
        this.unseen = Map.copyOf(highest);
    }

    public static ExampleNeighbours of(IntentDatabase database) {
        Map<String, List<Map.Entry<String, List<String>>>> raw = new HashMap<>();
        for (Intent intent : database.intents()) {
            intent.examples().forEach((language, examples) -> examples.forEach(example -> raw
                    .computeIfAbsent(language, l -> new ArrayList<>())
                    .add(Map.entry(intent.id(), features(TextNormalizer.forLanguage(language).tokens(example))))));
        }
        Map<String, Examples> byLanguage = new HashMap<>();
        Map<String, Map<String, Double>> idf = new HashMap<>();
        raw.forEach((language, examples) -> {
            Map<String, Integer> documents = new HashMap<>();
            examples.forEach(e -> e.getValue().stream().distinct().forEach(f -> documents.merge(f, 1, Integer::sum)));
            Map<String, Double> weights = new HashMap<>();
            documents.forEach((feature, count) -> weights.put(feature, Math.log((1.0 + examples.size()) / (1.0 + count)) + 1));
            idf.put(language, Map.copyOf(weights));
            byLanguage.put(language, Examples.of(examples.stream()
                    .map(e -> new Example(e.getKey(), vector(e.getValue(), weights, 1)))
                    .toList()));
        });
        return new ExampleNeighbours(Map.copyOf(byLanguage), Map.copyOf(idf));
    }

    /** The intent of the example most like the message in its language; empty when the language has none. */
    public Optional<String> nearestIntent(List<String> tokens, String language) {
        Examples examples = byLanguage.get(language);
        if (examples == null || tokens.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> message = vector(features(tokens), idf.get(language), unseen.get(language));
        double[] similarity = new double[examples.intents().length];
        message.forEach((feature, weight) -> {
            Posting posting = examples.postings().get(feature);
            if (posting != null) {
                for (int j = 0; j < posting.examples().length; j++) {
                    similarity[posting.examples()[j]] += weight * posting.weights()[j];
                }
            }
        });
        String best = null;
        double bestSimilarity = 0;
        for (int i = 0; i < similarity.length; i++) {
            if (similarity[i] > bestSimilarity) {
                bestSimilarity = similarity[i];
                best = examples.intents()[i];
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> features(List<String> tokens) {
        List<String> features = new ArrayList<>();
        tokens.forEach(t -> features.add(t + "="));
        features.addAll(CHARACTERS.extractFeatures(tokens.toArray(String[]::new), Map.of()));
        return features;
    }

    /** TF-IDF weights, unit length; a feature no example has weighs {@code unseen}. */
    private static Map<String, Double> vector(List<String> features, Map<String, Double> idf, double unseen) {
        Map<String, Double> vector = new HashMap<>();
        features.forEach(f -> vector.merge(f, idf.getOrDefault(f, unseen), Double::sum));
        double norm = Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
        vector.replaceAll((f, v) -> v / norm);
        return vector;
    }
}
