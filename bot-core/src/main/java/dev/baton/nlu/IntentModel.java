package dev.baton.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.baton.intents.Intent;
import dev.baton.intents.IntentDatabase;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intent classifier: one OpenNLP maximum-entropy document categoriser trained on the examples of every
 * language of an {@link IntentDatabase}, reading word and character n-grams of {@link TextNormalizer}'s tokens.
 *
 * <p>One shared model rather than one per language: each language's words are its own features anyway, while
 * what languages share (product names, numbers, order codes) helps all of them, and one training is faster
 * than four. A message in a language without examples is normalised as the default language.
 *
 * <p>Immutable and thread-safe: classification evaluates the shared {@link MaxentModel} with stateless feature
 * generators, never a {@code DocumentCategorizerME} (which is not thread-safe).
 */
public final class IntentModel implements IntentClassifier {

    static {
        // OpenNLP refuses to instantiate extensions (our DoccatFactory) outside packages it has been told to trust.
        ExtensionLoader.registerAllowedPackage(IntentModel.class.getPackageName());
    }

    private static final Logger log = LoggerFactory.getLogger(IntentModel.class);

    /** Present in every message, so that the model has an intercept and an empty message gets the prior. */
    private static final String BIAS_FEATURE = "bias";
    private static final String LANGUAGES_ENTRY = "baton.languages";
    private static final String DEFAULT_LANGUAGE_ENTRY = "baton.defaultLanguage";
    /** A trained model that cannot even reproduce this share of its own examples has not converged. */
    private static final double MIN_TRAINING_ACCURACY = 0.8;

    private final DoccatModel doccat;
    private final MaxentModel maxent;
    private final FeatureGenerator[] generators;
    private final Set<String> languages;
    private final String defaultLanguage;

    private IntentModel(DoccatModel doccat) {
        this.doccat = doccat;
        this.maxent = doccat.getMaxentModel();
        this.generators = doccat.getFactory().getFeatureGenerators();
        this.languages = Set.copyOf(Arrays.asList(doccat.getManifestProperty(LANGUAGES_ENTRY).split(",")));
        this.defaultLanguage = doccat.getManifestProperty(DEFAULT_LANGUAGE_ENTRY);
    }

    /** Trains with {@link ModelSettings#DEFAULTS}. */
    public static IntentModel train(IntentDatabase database, String defaultLanguage) {
        return train(database, defaultLanguage, ModelSettings.DEFAULTS);
    }

    /**
     * @throws IllegalArgumentException when the database has fewer than two intents with examples
     * @throws IllegalStateException    when training did not converge (the model cannot tell its own examples apart)
     */
    public static IntentModel train(IntentDatabase database, String defaultLanguage, ModelSettings settings) {
        IntentFeatureFactory factory = new IntentFeatureFactory(settings.features());
        FeatureGenerator[] generators = factory.getFeatureGenerators();
        List<Event> events = new ArrayList<>();
        for (Intent intent : database.intents()) {
            intent.examples().forEach((language, examples) -> {
                TextNormalizer normalizer = TextNormalizer.forLanguage(language);
                for (String example : examples) {
                    events.add(new Event(intent.id(), context(generators, normalizer.tokens(example))));
                }
            });
        }
        if (events.stream().map(Event::getOutcome).distinct().count() < 2) {
            throw new IllegalArgumentException("an intent model needs examples of at least two intents");
        }
        MaxentModel maxent = trainMaxent(events, settings);
        Map<String, String> manifest = new HashMap<>();
        manifest.put(LANGUAGES_ENTRY, String.join(",", new TreeSet<>(database.languages())));
        manifest.put(DEFAULT_LANGUAGE_ENTRY, defaultLanguage);
        IntentModel model = new IntentModel(new DoccatModel(defaultLanguage, maxent, manifest, factory));
        model.requireConverged(events);
        return model;
    }

    /** Reads a model written by {@link #save}. */
    public static IntentModel load(InputStream in) throws IOException {
        return new IntentModel(new DoccatModel(in));
    }

    /** Writes the model, its feature settings and its languages in OpenNLP's model format. */
    public void save(OutputStream out) throws IOException {
        doccat.serialize(out);
    }

    @Override
    public Classification classify(String text, String language) {
        String known = languages.contains(language) ? language : defaultLanguage;
        double[] probabilities = maxent.eval(context(generators, TextNormalizer.forLanguage(known).tokens(text)));
        List<IntentScore> ranked = new ArrayList<>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            ranked.add(new IntentScore(maxent.getOutcome(i), probabilities[i]));
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

    private static String[] context(FeatureGenerator[] generators, List<String> tokens) {
        String[] tokenArray = tokens.toArray(String[]::new);
        List<String> features = new ArrayList<>();
        features.add(BIAS_FEATURE);
        for (FeatureGenerator generator : generators) {
            features.addAll(generator.extractFeatures(tokenArray, Map.of()));
        }
        return features.toArray(String[]::new);
    }

    private static MaxentModel trainMaxent(List<Event> events, ModelSettings settings) {
        TrainingParameters parameters = settings.trainingParameters();
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters, new HashMap<>());
        try {
            return trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenNLP could not read the training events", e);
        }
    }

    private void requireConverged(List<Event> events) {
        long right = events.stream()
                .filter(e -> maxent.getBestOutcome(maxent.eval(e.getContext())).equals(e.getOutcome()))
                .count();
        double accuracy = (double) right / events.size();
        log.debug("intent model reproduces {} of {} training examples", right, events.size());
        if (accuracy < MIN_TRAINING_ACCURACY) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "training did not converge: the model gets only %.0f%% of its own examples right",
                    100 * accuracy));
        }
    }
}
