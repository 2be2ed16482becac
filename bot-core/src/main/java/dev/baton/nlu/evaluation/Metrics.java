package dev.baton.nlu.evaluation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The quality of predictions at one threshold, as issue #3 defines it.
 *
 * @param inScopeAccuracy   share of in-scope messages answered with the right intent
 * @param oosRecall         share of out-of-scope messages not answered; NaN without out-of-scope messages
 * @param answeredPrecision share of automatic answers that were right (an answered out-of-scope message is wrong)
 * @param answeredRate      share of in-scope messages answered
 * @param top1Accuracy      share of in-scope messages whose best intent is right, whatever the threshold
 * @param macroF1           mean F1 over the in-scope intents, counting only answered messages as predictions
 * @param perIntent         precision, recall and number of test messages of each in-scope intent
 */
public record Metrics(int messages, int inScope, double inScopeAccuracy, double oosRecall, double answeredPrecision,
                      double answeredRate, double top1Accuracy, double macroF1, Map<String, IntentMetrics> perIntent) {

    public record IntentMetrics(double precision, double recall, int support) {
    }

    public static Metrics of(List<Prediction> predictions, double threshold) {
        List<Prediction> inScope = predictions.stream().filter(p -> p.example().inScope()).toList();
        List<Prediction> outOfScope = predictions.stream().filter(p -> !p.example().inScope()).toList();
        List<Prediction> answered = predictions.stream().filter(p -> p.answered(threshold)).toList();
        Map<String, IntentMetrics> perIntent = new TreeMap<>();
        inScope.stream().map(p -> p.example().intent()).distinct().forEach(intent -> {
            long support = inScope.stream().filter(p -> p.example().intent().equals(intent)).count();
            long answeredAs = answered.stream().filter(p -> p.predicted().equals(intent)).count();
            long rightAs = answered.stream().filter(p -> p.predicted().equals(intent) && p.rightIntent()).count();
            perIntent.put(intent, new IntentMetrics(ratio(rightAs, answeredAs), ratio(rightAs, support), (int) support));
        });
        double macroF1 = perIntent.values().stream()
                .mapToDouble(Metrics::f1)
                .average().orElse(Double.NaN);
        return new Metrics(predictions.size(), inScope.size(),
                share(inScope, p -> p.rightAt(threshold)),
                share(outOfScope, p -> p.rightAt(threshold)),
                share(answered, Prediction::rightIntent),
                share(inScope, p -> p.answered(threshold)),
                share(inScope, Prediction::rightIntent),
                macroF1, perIntent);
    }

    private static double f1(IntentMetrics m) {
        // An intent never predicted has no precision; its F1 is 0, as in scikit-learn.
        double precision = Double.isNaN(m.precision()) ? 0 : m.precision();
        return precision + m.recall() == 0 ? 0 : 2 * precision * m.recall() / (precision + m.recall());
    }

    private static double share(List<Prediction> predictions, Predicate<Prediction> counted) {
        return ratio(predictions.stream().filter(counted).count(), predictions.size());
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
