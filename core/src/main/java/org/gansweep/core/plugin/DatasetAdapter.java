package org.gansweep.core.plugin;

import ai.djl.ndarray.types.Shape;
import java.util.Optional;
import org.gansweep.core.metrics.GaussianMixture;

/** A source of real samples, in the range the generator produces. */
public interface DatasetAdapter {
    /** Shape of one sample, without the batch axis: (2) for points, (C, H, W) for images. */
    Shape sampleShape();

    /** Opens a seeded stream of training batches. */
    RealSampler open(long seed);

    /** The mixture's components, for datasets that are Gaussian mixtures (mode metrics, density plots). */
    default Optional<GaussianMixture> mixture() {
        return Optional.empty();
    }

    /** Whether {@link #labeled} has data, known without reading any. */
    default boolean hasLabels() {
        return false;
    }

    /**
     * The name of each class (a character, a garment, a digit), indexed by label, for datasets with labels;
     * may read the data. Empty for unlabelled data.
     */
    default java.util.List<String> classNames() {
        return java.util.List.of();
    }

    /** Labelled training ({@code train}) or held-out test data, for datasets that have labels. */
    default Optional<LabeledData> labeled(boolean train) {
        return Optional.empty();
    }
}
