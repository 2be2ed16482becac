package dev.baton.app.metrics;

import java.util.HashMap;
import java.util.Map;

/** One scrape of {@code /actuator/prometheus}: each sample's value by its name and labels, as the text shows them. */
record PrometheusScrape(Map<String, Double> samples) {

    static PrometheusScrape parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return new PrometheusScrape(Map.copyOf(samples));
    }

    /** The sample's value; 0 for one not (yet) exported. */
    double value(String sample) {
        return samples.getOrDefault(sample, 0.0);
    }

    /** How much the sample grew since {@code before}. */
    double since(PrometheusScrape before, String sample) {
        return value(sample) - before.value(sample);
    }
}
