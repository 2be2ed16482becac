package dev.baton.nlu;

/** Turns summed maximum-entropy scores into probabilities, as OpenNLP's {@code GISModel} does. */
final class Softmax {

    private Softmax() {
    }

    /**
     * Replaces each score by its probability, {@code exp(score)} over the sum of them all. The largest score is
     * subtracted first: the same probabilities, without overflowing on large scores.
     */
    static double[] inPlace(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.exp(scores[i] - max);
            sum += scores[i];
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= sum;
        }
        return scores;
    }
}
