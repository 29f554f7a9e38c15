package org.gansweep.core.metrics;

import java.util.Arrays;

/**
 * A mixture of isotropic 2-D Gaussians, the real distribution of the toy experiments: the centres, one
 * standard deviation, and each mode's probability ({@code weights}, summing to 1).
 */
public record GaussianMixture(double[][] centers, double std, double[] weights) {
    public GaussianMixture {
        if (weights == null) {
            weights = new double[centers.length];
            Arrays.fill(weights, 1.0 / centers.length);
        }
        if (weights.length != centers.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + centers.length + " modes");
        }
    }

    /** Equal weights. */
    public GaussianMixture(double[][] centers, double std) {
        this(centers, std, null);
    }

    public int modes() {
        return centers.length;
    }
}
