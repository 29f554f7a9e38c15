package org.gansweep.core.math;

/**
 * The Inception-score formula with any classifier: {@code exp(E_x KL(p(y|x) || p(y)))}, computed on each of
 * {@code splits} equal parts of the samples, reported as mean and standard deviation over the parts (as the
 * original Inception-score code does). It is 1 when every prediction is the same, and the number of classes
 * when predictions are confident and spread evenly over the classes.
 */
public final class ClassifierScore {
    private ClassifierScore() {}

    /** Mean and (population) standard deviation over splits. */
    public record Score(double mean, double std) {}

    /** @param probabilities one row of class probabilities per sample */
    public static Score of(double[][] probabilities, int splits) {
        int n = probabilities.length;
        if (splits < 1 || splits > n) {
            throw new IllegalArgumentException("need 1 <= splits <= samples, got " + splits + " splits for " + n + " samples");
        }
        double[] scores = new double[splits];
        for (int s = 0; s < splits; s++) {
            int from = s * n / splits;
            int to = (s + 1) * n / splits;
            int k = probabilities[from].length;
            double[] marginal = new double[k];
            for (int i = from; i < to; i++) {
                for (int c = 0; c < k; c++) {
                    marginal[c] += probabilities[i][c] / (to - from);
                }
            }
            double kl = 0;
            for (int i = from; i < to; i++) {
                for (int c = 0; c < k; c++) {
                    double p = probabilities[i][c];
                    if (p > 0) {
                        kl += p * (Math.log(p) - Math.log(marginal[c]));
                    }
                }
            }
            scores[s] = Math.exp(kl / (to - from));
        }
        double mean = 0;
        for (double v : scores) {
            mean += v / splits;
        }
        double var = 0;
        for (double v : scores) {
            var += (v - mean) * (v - mean) / splits;
        }
        return new Score(mean, Math.sqrt(var));
    }
}
