package org.gansweep.core.plugin;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Optional;

/** A source of real samples, in the range the generator produces. */
public interface DatasetAdapter {
    /** Shape of one sample, without the batch axis: (2) for points, (C, H, W) for images. */
    Shape sampleShape();

    /** Opens a seeded stream of training batches. */
    RealSampler open(long seed);

    /**
     * What else this dataset can say about itself, asked by type: a Gaussian mixture gives its components
     * (for mode metrics and density plots) as a {@code GaussianMixture}. Empty when it has no such thing.
     * Core asks for capabilities; it never lists datasets by name.
     */
    default <T> Optional<T> capability(Class<T> kind) {
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
    default List<String> classNames() {
        return List.of();
    }

    /** Labelled training ({@code train}) or held-out test data, for datasets that have labels. */
    default Optional<LabeledData> labeled(boolean train) {
        return Optional.empty();
    }
}
