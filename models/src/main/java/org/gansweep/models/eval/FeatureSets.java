package org.gansweep.models.eval;

import java.util.Arrays;

/**
 * The real rows a sample-based image metric compares generated features with, and the two real sets of its
 * reference. Both sides have as many rows as there are generated samples (these metrics depend on the sample
 * size), taken from the judge's held-out real features in their fixed random order: the first {@code n} rows
 * against the generated ones; for the reference, those against the next {@code n} (or, with too few real rows,
 * one half against the other).
 */
record FeatureSets(double[][] real, double[][] referenceA, double[][] referenceB) {
    static FeatureSets forSize(double[][] realFeatures, int n) {
        int total = realFeatures.length;
        double[][] real = Arrays.copyOfRange(realFeatures, 0, Math.min(n, total));
        int half = Math.min(n, total / 2);
        double[][] a = Arrays.copyOfRange(realFeatures, 0, half);
        double[][] b = Arrays.copyOfRange(realFeatures, total >= 2 * n ? n : half, total >= 2 * n ? 2 * n : 2 * half);
        return new FeatureSets(real, a, b);
    }
}
