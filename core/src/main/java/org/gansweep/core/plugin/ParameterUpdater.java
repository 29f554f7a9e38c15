package org.gansweep.core.plugin;

import ai.djl.ndarray.NDArray;

/**
 * Updates one parameter in place from its gradient and must leave that gradient zeroed: PyTorch
 * accumulates gradients, and DJL clears them only in the optimiser update.
 */
public interface ParameterUpdater {
    void update(String parameterId, NDArray weight, NDArray gradient);
}
