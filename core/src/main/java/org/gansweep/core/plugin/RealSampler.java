package org.gansweep.core.plugin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** A seeded stream of real batches; each batch is created in the given (per-step) manager. */
public interface RealSampler extends AutoCloseable {
    NDArray next(NDManager manager, int batchSize);

    /**
     * A batch with its labels: (samples, int64 class ids), drawn from the same stream as {@link #next}, for
     * class-conditional training. Only datasets with labels have it.
     */
    default NDList nextLabeled(NDManager manager, int batchSize) {
        throw new UnsupportedOperationException("this dataset has no labels for a conditional model");
    }

    @Override
    default void close() {}
}
