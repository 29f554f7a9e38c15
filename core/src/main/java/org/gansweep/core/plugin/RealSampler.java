package org.gansweep.core.plugin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** A seeded stream of real batches; each batch is created in the given (per-step) manager. */
public interface RealSampler extends AutoCloseable {
    NDArray next(NDManager manager, int batchSize);

    @Override
    default void close() {}
}
