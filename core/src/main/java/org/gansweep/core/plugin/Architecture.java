package org.gansweep.core.plugin;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/** A generator / discriminator pair for samples of a given shape. */
public interface Architecture {
    /** Length of the noise vector G takes. */
    int noiseDim();

    /** G: noise (N, noiseDim) to samples (N, sampleShape...). */
    Block generator(Shape sampleShape);

    /** D: samples (N, sampleShape...) to raw decision values (N, 1). */
    Block discriminator(Shape sampleShape);

    /**
     * Whether D normalises over the batch. Without batch norm, D scores real and fake samples in one
     * forward pass (the same numbers, half the native calls); with it, they go separately as in the paper.
     */
    boolean discriminatorUsesBatchStatistics();

    /**
     * Whether G and D are class-conditional: then each takes a second input, the one-hot class labels
     * (N, classes) of the dataset, and the training loop pairs every batch with its labels.
     */
    default boolean conditional() {
        return false;
    }
}
