package org.gansweep.core.math;

import java.util.Arrays;

/**
 * Fidelity and diversity of generated samples from k-nearest-neighbour balls in feature space. Each sample of a
 * set gets a ball whose radius is the distance to its k-th nearest neighbour in the same set (itself excluded);
 * the union of a set's balls estimates its support.
 * <ul>
 *   <li>Precision and recall, Kynkaanniemi, Karras, Laine, Lehtinen and Aila, "Improved Precision and Recall Metric
 *       for Assessing Generative Models" (NeurIPS 2019), k = 3: precision is the share of generated samples inside
 *       some real sample's ball; recall the share of real samples inside some generated sample's ball.</li>
 *   <li>Density and coverage, Naeem, Oh, Uh, Choi and Yoo, "Reliable Fidelity and Diversity Metrics for
 *       Generative Models" (ICML 2020), k = 5, balls around real samples only (outliers among the fakes do not
 *       inflate them): {@code density = 1/(kM) sum_j sum_i 1[Y_j in B(X_i, NND_k(X_i))]}, which is about 1 when
 *       the fakes follow the real distribution and can exceed 1; {@code coverage = 1/N sum_i 1[exists j: Y_j in
 *       B(X_i, NND_k(X_i))]}.</li>
 * </ul>
 * A point on a ball's boundary is inside it (distance at most the radius), as in both papers' code.
 */
public final class NearestNeighbourBalls {
    private NearestNeighbourBalls() {}

    public record PrecisionRecall(double precision, double recall) {}

    public record DensityCoverage(double density, double coverage) {}

    public static PrecisionRecall precisionRecall(double[][] real, double[][] fake, int k) {
        return new PrecisionRecall(shareInsideBalls(fake, real, radii(real, k)), shareInsideBalls(real, fake, radii(fake, k)));
    }

    public static DensityCoverage densityCoverage(double[][] real, double[][] fake, int k) {
        double[] r = radii(real, k);
        long inside = 0;
        boolean[] covered = new boolean[real.length];
        for (double[] y : fake) {
            for (int i = 0; i < real.length; i++) {
                if (distance2(y, real[i]) <= r[i]) {
                    inside++;
                    covered[i] = true;
                }
            }
        }
        long c = 0;
        for (boolean b : covered) {
            c += b ? 1 : 0;
        }
        return new DensityCoverage((double) inside / ((double) k * fake.length), (double) c / real.length);
    }

    /** Each row's squared distance to its k-th nearest neighbour among the other rows. */
    static double[] radii(double[][] rows, int k) {
        if (k < 1 || k >= rows.length) {
            throw new IllegalArgumentException("k must be between 1 and the number of rows - 1 (" + (rows.length - 1) + "), got " + k);
        }
        double[] r = new double[rows.length];
        double[] d = new double[rows.length - 1];
        for (int i = 0; i < rows.length; i++) {
            int n = 0;
            for (int j = 0; j < rows.length; j++) {
                if (j != i) {
                    d[n++] = distance2(rows[i], rows[j]);
                }
            }
            double[] sorted = d.clone();
            Arrays.sort(sorted);
            r[i] = sorted[k - 1];
        }
        return r;
    }

    /** The share of {@code points} inside at least one ball (centres, squared radii). */
    private static double shareInsideBalls(double[][] points, double[][] centres, double[] radii2) {
        int inside = 0;
        for (double[] p : points) {
            for (int i = 0; i < centres.length; i++) {
                if (distance2(p, centres[i]) <= radii2[i]) {
                    inside++;
                    break;
                }
            }
        }
        return (double) inside / points.length;
    }

    static double distance2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double t = a[i] - b[i];
            s += t * t;
        }
        return s;
    }
}
