package dev.baton.nlu;

import java.util.Map;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Builds the intent model's feature generators from {@link FeatureSettings} kept in the model's manifest.
 *
 * <p>OpenNLP remembers only a factory's class name and recreates it with the no-argument constructor, even inside
 * the {@code DoccatModel} constructor right after training; fields set on the instance that trained the model would
 * be silently lost. So the settings travel as a manifest entry, and both the trained and the loaded model read them
 * from there. Public with a public no-argument constructor because OpenNLP instantiates it reflectively.
 */
public class IntentFeatureFactory extends DoccatFactory {

    static final String SETTINGS_ENTRY = "baton.features";

    private final FeatureSettings trainingSettings;
    private volatile FeatureGenerator[] generators;

    /** For OpenNLP, which recreates the factory of a model and then reads the settings from its manifest. */
    public IntentFeatureFactory() {
        this(null);
    }

    IntentFeatureFactory(FeatureSettings settings) {
        this.trainingSettings = settings;
    }

    FeatureSettings settings() {
        return trainingSettings != null
                ? trainingSettings
                : FeatureSettings.decode(artifactProvider.getManifestProperty(SETTINGS_ENTRY));
    }

    @Override
    public Map<String, String> createManifestEntries() {
        Map<String, String> entries = super.createManifestEntries();
        entries.put(SETTINGS_ENTRY, settings().encode());
        return entries;
    }

    @Override
    public FeatureGenerator[] getFeatureGenerators() {
        FeatureGenerator[] current = generators;
        if (current == null) {
            current = settings().generators().toArray(FeatureGenerator[]::new);
            generators = current;
        }
        return current;
    }

    @Override
    public void setFeatureGenerators(FeatureGenerator[] featureGenerators) {
        throw new UnsupportedOperationException("the feature generators follow from the model's FeatureSettings");
    }
}
