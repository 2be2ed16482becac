package dev.baton.nlu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * The intent classifier: OpenNLP maximum-entropy document categorisers trained on the examples of every language
 * of an {@link IntentDatabase}, reading word and character n-grams of {@link TextNormalizer}'s tokens.
 *
 * <p>One model for all languages rather than one per language: each language's words are its own features anyway,
 * while what languages share (product names, numbers, order codes) helps all of them. A message in a language
 * without examples is normalised as the default language.
 *
 * <p>With several {@linkplain ModelSettings#views() views}, one model per view is trained, in parallel, and their
 * probabilities are averaged: a little more accurate, for proportionally more time (docs/classifier.md).
 *
 * <p>Feature values are normalised per message and feature generator (each of a message's n features weighs
 * 1/√n), so a long message is not more confident than a short one merely for having more n-grams.
 *
 * <p>Immutable and thread-safe: classification reads the weights of the shared {@link MaxentModel}s (laid out by
 * {@link MaxentWeights}) with stateless feature generators, never a {@code DocumentCategorizerME} (which is not
 * thread-safe).
 */
public final class IntentModel implements IntentClassifier {

    static {
        // OpenNLP refuses to instantiate extensions (our factory and trainer) outside packages it was told to trust.
        ExtensionLoader.registerAllowedPackage(IntentModel.class.getPackageName());
    }

    /**
     * The intent of messages the bot should not answer, when a database has examples of them. Its examples count
     * {@link ModelSettings#outOfScopeWeight()} times each: the out-of-scope class stands for every topic the other
     * intents do not cover, far more varied than any one intent, and it is the only one that must win against all
     * of them on messages nothing else fits.
     */
    public static final String OUT_OF_SCOPE = Intent.OUT_OF_SCOPE;

    /**
     * Present in every message, so that the model has an intercept and an empty message gets the prior. The '='
     * keeps it apart from character n-grams such as "bias" in "biased".
     */
    private static final String BIAS_FEATURE = "bias=";
    private static final String LANGUAGES_ENTRY = "baton.languages";
    private static final String DEFAULT_LANGUAGE_ENTRY = "baton.defaultLanguage";
    private static final String VIEW_ENTRY_PREFIX = "view-";

    private final List<View> views;
    private final String[] intents;
    private final Set<String> languages;
    private final String defaultLanguage;

    private IntentModel(List<DoccatModel> doccats) {
        DoccatModel first = doccats.get(0);
        MaxentModel firstMaxent = first.getMaxentModel();
        this.intents = new String[firstMaxent.getNumOutcomes()];
        Arrays.setAll(intents, firstMaxent::getOutcome);
        this.views = doccats.stream().map(d -> View.of(d, intents)).toList();
        this.languages = Set.copyOf(Arrays.asList(first.getManifestProperty(LANGUAGES_ENTRY).split(",")));
        this.defaultLanguage = first.getManifestProperty(DEFAULT_LANGUAGE_ENTRY);
    }

    /** Trains with {@link ModelSettings#DEFAULTS}. */
    public static IntentModel train(IntentDatabase database, String defaultLanguage) {
        return train(database, defaultLanguage, ModelSettings.DEFAULTS);
    }

    /**
     * @throws IllegalArgumentException when the database has fewer than two intents with examples
     * @throws IllegalStateException    when training did not converge (the model cannot tell its own examples apart)
     *                                  or the examples cannot be told apart at all
     */
    public static IntentModel train(IntentDatabase database, String defaultLanguage, ModelSettings settings) {
        long distinctIntents = database.intents().stream().filter(i -> !i.examples().isEmpty()).count();
        if (distinctIntents < 2) {
            throw new IllegalArgumentException("an intent model needs examples of at least two intents");
        }
        Map<String, String> manifest = Map.of(
                LANGUAGES_ENTRY, String.join(",", new TreeSet<>(database.languages())),
                DEFAULT_LANGUAGE_ENTRY, defaultLanguage);
        // One view per core: the views are independent, and each trainer is single-threaded and deterministic.
        List<DoccatModel> doccats = settings.views().parallelStream()
                .map(view -> trainView(database, defaultLanguage, view, settings, manifest))
                .toList();
        return new IntentModel(doccats);
    }

    /** Reads a model written by {@link #save}. */
    public static IntentModel load(InputStream in) throws IOException {
        List<DoccatModel> doccats = new ArrayList<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (entry.getName().startsWith(VIEW_ENTRY_PREFIX)) {
                doccats.add(new DoccatModel(new ByteArrayInputStream(zip.readAllBytes())));
            }
        }
        if (doccats.isEmpty()) {
            throw new IOException("not a Baton intent model: no " + VIEW_ENTRY_PREFIX + "* entries");
        }
        return new IntentModel(doccats);
    }

    /** Writes the model as a ZIP of OpenNLP doccat models, one per view, each with its feature settings. */
    public void save(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (int i = 0; i < views.size(); i++) {
            zip.putNextEntry(new ZipEntry(VIEW_ENTRY_PREFIX + i + ".bin"));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            views.get(i).doccat().serialize(bytes);
            bytes.writeTo(zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    @Override
    public Classification classify(String text, String language) {
        String known = languages.contains(language) ? language : defaultLanguage;
        String[] tokens = TextNormalizer.forLanguage(known).tokens(text).toArray(String[]::new);
        double[] averaged = new double[intents.length];
        for (View view : views) {
            view.addProbabilities(tokens, averaged, 1.0 / views.size());
        }
        List<IntentScore> ranked = new ArrayList<>(intents.length);
        for (int i = 0; i < intents.length; i++) {
            ranked.add(new IntentScore(intents[i], Math.min(1.0, averaged[i])));
        }
        ranked.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
        return new Classification(ranked);
    }

    /** The languages the model has examples in. */
    public Set<String> languages() {
        return languages;
    }

    /** The language used for messages in any other language. */
    public String defaultLanguage() {
        return defaultLanguage;
    }

    /** The intents the model ranks. */
    public List<String> intents() {
        return List.of(intents);
    }

    private static DoccatModel trainView(IntentDatabase database, String defaultLanguage, FeatureSettings view,
                                         ModelSettings settings, Map<String, String> manifest) {
        IntentFeatureFactory factory = new IntentFeatureFactory(view);
        FeatureGenerator[] generators = factory.getFeatureGenerators();
        List<Event> events = new ArrayList<>();
        for (Intent intent : database.intents()) {
            // Sorted: Map.copyOf iterates in a different order in every JVM, and the order of the examples shapes
            // the trained model.
            new TreeMap<>(intent.examples()).forEach((language, examples) -> {
                TextNormalizer normalizer = TextNormalizer.forLanguage(language);
                for (String example : examples) {
                    Features features = Features.of(generators, normalizer.tokens(example).toArray(String[]::new));
                    events.add(new Event(intent.id(), features.names(), features.values()));
                }
            });
        }
        MaxentModel maxent;
        try {
            maxent = TrainerFactory.getEventTrainer(settings.trainingParameters(), new HashMap<>())
                    .train(EventIndex.of(events,
                            intent -> OUT_OF_SCOPE.equals(intent) ? settings.outOfScopeWeight() : 1));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenNLP could not train on the events", e);
        }
        return new DoccatModel(defaultLanguage, maxent, manifest, factory);
    }

    /**
     * One trained model with the feature generators it reads, and where its outcomes sit among the intents; the
     * character n-grams are read through {@link WordGramRows}, the other features by name.
     */
    private record View(DoccatModel doccat, MaxentWeights weights, FeatureGenerator[] generators, int[] intentIndex,
                        WordGramRows[] wordGrams) {

        static View of(DoccatModel doccat, String[] intents) {
            MaxentModel maxent = doccat.getMaxentModel();
            List<String> order = Arrays.asList(intents);
            int[] intentIndex = new int[maxent.getNumOutcomes()];
            for (int outcome = 0; outcome < intentIndex.length; outcome++) {
                intentIndex[outcome] = order.indexOf(maxent.getOutcome(outcome));
            }
            if (intentIndex.length != intents.length || Arrays.stream(intentIndex).anyMatch(i -> i < 0)) {
                throw new IllegalArgumentException("the views of an intent model disagree on its intents");
            }
            MaxentWeights weights = MaxentWeights.of(maxent);
            FeatureGenerator[] generators = doccat.getFactory().getFeatureGenerators();
            WordGramRows[] wordGrams = new WordGramRows[generators.length];
            for (int g = 0; g < generators.length; g++) {
                if (generators[g] instanceof CharNgramFeatures grams) {
                    wordGrams[g] = new WordGramRows(grams, weights);
                }
            }
            return new View(doccat, weights, generators, intentIndex, wordGrams);
        }

        /** Scores as {@link Features#forEach} gives the features, which is what the model was trained on. */
        void addProbabilities(String[] tokens, double[] into, double weight) {
            float[] scores = new float[weights.outcomeCount()];
            weights.addScores(BIAS_FEATURE, 1f, scores);
            for (int g = 0; g < generators.length; g++) {
                if (wordGrams[g] != null) {
                    wordGrams[g].addScores(tokens, scores);
                } else {
                    Features.forEachOf(generators[g], tokens, (name, value) -> weights.addScores(name, value, scores));
                }
            }
            double[] probabilities = MaxentWeights.softmax(scores);
            for (int outcome = 0; outcome < probabilities.length; outcome++) {
                into[intentIndex[outcome]] += weight * probabilities[outcome];
            }
        }
    }

    /** A message's features and their values, as training and classification both read them. */
    private record Features(String[] names, float[] values) {

        interface Consumer {
            void accept(String name, float value);
        }

        static Features of(FeatureGenerator[] generators, String[] tokens) {
            List<String> names = new ArrayList<>();
            List<Float> values = new ArrayList<>();
            forEach(generators, tokens, (name, value) -> {
                names.add(name);
                values.add(value);
            });
            float[] valueArray = new float[values.size()];
            for (int i = 0; i < valueArray.length; i++) {
                valueArray[i] = values.get(i);
            }
            return new Features(names.toArray(String[]::new), valueArray);
        }

        /** The bias feature, then each generator's features, each weighing 1/√n among the generator's n. */
        static void forEach(FeatureGenerator[] generators, String[] tokens, Consumer consumer) {
            consumer.accept(BIAS_FEATURE, 1f);
            for (FeatureGenerator generator : generators) {
                forEachOf(generator, tokens, consumer);
            }
        }

        static void forEachOf(FeatureGenerator generator, String[] tokens, Consumer consumer) {
            Collection<String> group = generator.extractFeatures(tokens, Map.of());
            float value = (float) (1 / Math.sqrt(group.size()));
            for (String name : group) {
                consumer.accept(name, value);
            }
        }
    }
}
