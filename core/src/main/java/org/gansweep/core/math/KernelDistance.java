package org.gansweep.core.math;

import java.util.SplittableRandom;

/**
 * The kernel distance of Binkowski, Sutherland, Arbel and Gretton, "Demystifying MMD GANs" (ICLR 2018), known as
 * KID: the squared maximum mean discrepancy between two feature sets under the cubic polynomial kernel
 * {@code k(x, y) = (x.y / d + 1)^3}, with the unbiased estimator (their eq. 3 of the MMD, as in their code and in
 * StudioGAN and torch-fidelity):
 * <pre>
 *   MMD^2_u = 1/(m(m-1)) sum_{i != j} k(x_i, x_j) + 1/(m(m-1)) sum_{i != j} k(y_i, y_j) - 2/m^2 sum_{i, j} k(x_i, y_j)
 * </pre>
 * Unlike the Frechet distance it has no bias that depends on the sample size or on the model scored (Chong and
 * Forsyth 2020), so small CPU-sized evaluations still rank models fairly. It is computed on {@code subsets}
 * random subsets of {@code m} rows of each set, reported as their mean and standard deviation; it can be slightly
 * negative when the two sets are alike.
 */
public final class KernelDistance {
    private KernelDistance() {}

    /** Mean and (population) standard deviation of MMD^2_u over the subsets. */
    public record Score(double mean, double std) {}

    /** The cubic polynomial kernel of two feature rows. */
    public static double kernel(double[] x, double[] y) {
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
        }
        double b = dot / x.length + 1;
        return b * b * b;
    }

    /** The unbiased MMD^2 estimate between two sets of the same size m >= 2. */
    public static double mmd2(double[][] x, double[][] y) {
        int m = x.length;
        if (m < 2 || y.length != m) {
            throw new IllegalArgumentException("need two sets of the same size, at least 2, got " + x.length + " and " + y.length);
        }
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i != j) {
                    xx += kernel(x[i], x[j]);
                    yy += kernel(y[i], y[j]);
                }
                xy += kernel(x[i], y[j]);
            }
        }
        return (xx + yy) / ((double) m * (m - 1)) - 2 * xy / ((double) m * m);
    }

    /**
     * MMD^2_u on {@code subsets} pairs of random subsets of {@code size} rows, each drawn without replacement from
     * its set (by a generator seeded with {@code seed}, so a trial's numbers repeat).
     */
    public static Score of(double[][] x, double[][] y, int subsets, int size, long seed) {
        if (subsets < 1 || size < 2 || size > x.length || size > y.length) {
            throw new IllegalArgumentException("need 1 or more subsets of 2 to min(" + x.length + ", " + y.length + ") rows, got "
                    + subsets + " of " + size);
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[subsets];
        for (int s = 0; s < subsets; s++) {
            v[s] = mmd2(sample(x, size, r), sample(y, size, r));
        }
        double mean = 0;
        for (double a : v) {
            mean += a / subsets;
        }
        double var = 0;
        for (double a : v) {
            var += (a - mean) * (a - mean) / subsets;
        }
        return new Score(mean, Math.sqrt(var));
    }

    /** {@code size} distinct rows in random order (a partial Fisher-Yates shuffle of the indices). */
    static double[][] sample(double[][] rows, int size, SplittableRandom r) {
        int[] idx = new int[rows.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        double[][] out = new double[size][];
        for (int i = 0; i < size; i++) {
            int j = i + r.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            out[i] = rows[idx[i]];
        }
        return out;
    }
}
