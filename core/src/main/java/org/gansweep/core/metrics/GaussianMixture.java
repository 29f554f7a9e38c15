package org.gansweep.core.metrics;

/** An equal-weight mixture of isotropic 2-D Gaussians: the real distribution of the toy experiments. */
public record GaussianMixture(double[][] centers, double std) {
    public int modes() {
        return centers.length;
    }
}
