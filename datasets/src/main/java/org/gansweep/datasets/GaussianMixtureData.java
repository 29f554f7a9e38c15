package org.gansweep.datasets;

import ai.djl.ndarray.types.Shape;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gansweep.core.metrics.GaussianMixture;
import org.gansweep.core.plugin.DatasetAdapter;
import org.gansweep.core.plugin.RealSampler;

/**
 * Samples from an equal-weight mixture of isotropic 2-D Gaussians, drawn in Java from a seeded
 * SplittableRandom: the same seed gives the same batches on every machine.
 */
final class GaussianMixtureData implements DatasetAdapter {
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
        return (manager, batch) -> {
            float[] xy = sample(random, centers, std, batch);
            return manager.create(xy, new Shape(batch, 2));
        };
    }

    static float[] sample(SplittableRandom random, double[][] centers, double std, int n) {
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double[] c = centers[random.nextInt(centers.length)];
            xy[2 * i] = (float) (c[0] + std * random.nextGaussian());
            xy[2 * i + 1] = (float) (c[1] + std * random.nextGaussian());
        }
        return xy;
    }

}
