package org.gansweep.datasets;

import ai.djl.ndarray.types.Shape;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.RealSampler;

/**
 * What the Gaussian-mixture datasets ({@link GaussianRing}, {@link GaussianGrid}) share: samples from a mixture
 * of isotropic 2-D Gaussians (each mode drawn with its weight), in Java from a seeded SplittableRandom: the
 * same seed gives the same batches on every machine. The mixture is offered as a capability, for
 * {@link ModeCoverage} and the density figure.
 */
abstract class GaussianMixtureData implements DatasetAdapter {
    private static final Shape POINT = new Shape(2);
    private final GaussianMixture mixture;

    GaussianMixtureData(GaussianMixture mixture) {
        this.mixture = mixture;
    }

    @Override
    public Shape sampleShape() {
        return POINT;
    }

    @Override
    public <T> Optional<T> capability(Class<T> kind) {
        return kind == GaussianMixture.class ? Optional.of(kind.cast(mixture)) : Optional.empty();
    }

    @Override
    public RealSampler open(long seed) {
        // A stream apart from PyTorch's (noise, initial weights), derived from the same trial seed.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 1);
        double[][] centers = mixture.centers();
        double std = mixture.std();
        double[] cumulative = cumulative(mixture.weights());
        return (manager, batch) -> {
            float[] xy = sample(random, centers, cumulative, std, batch);
            return manager.create(xy, new Shape(batch, 2));
        };
    }

    /** Running sums of the weights; null when they are all equal (a mode is then one nextInt, as before). */
    static double[] cumulative(double[] weights) {
        boolean equal = true;
        for (double w : weights) {
            equal &= w == weights[0];
        }
        if (equal) {
            return null;
        }
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    static float[] sample(SplittableRandom random, double[][] centers, double[] cumulative, double std, int n) {
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double[] c = centers[cumulative == null ? random.nextInt(centers.length) : pick(cumulative, random.nextDouble() * cumulative[cumulative.length - 1])];
            xy[2 * i] = (float) (c[0] + std * random.nextGaussian());
            xy[2 * i + 1] = (float) (c[1] + std * random.nextGaussian());
        }
        return xy;
    }

    private static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

}
