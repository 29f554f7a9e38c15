package org.gansweep.core.plugin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Updates one parameter in place from its gradient and must leave that gradient zeroed: PyTorch
 * accumulates gradients, and DJL clears them only in the optimiser update.
 */
public interface ParameterUpdater {
    void update(String parameterId, NDArray weight, NDArray gradient);

    /**
     * Updates several parameters (all of one network, in the same order at every call); an optimiser
     * with a fused kernel overrides this to make one native call instead of one per parameter.
     */
    default void updateAll(List<String> parameterIds, List<NDArray> weights, List<NDArray> gradients) {
        for (int i = 0; i < parameterIds.size(); i++) {
            update(parameterIds.get(i), weights.get(i), gradients.get(i));
        }
    }

    /** Updates every parameter in {@code params} from its current gradient, in one {@link #updateAll} call. */
    default void updateParameters(List<Parameter> params) {
        List<String> ids = new ArrayList<>(params.size());
        List<NDArray> weights = new ArrayList<>(params.size());
        List<NDArray> grads = new ArrayList<>(params.size());
        try {
            for (Parameter p : params) {
                NDArray w = p.getArray();
                ids.add(p.getId());
                weights.add(w);
                grads.add(w.getGradient());
            }
            updateAll(ids, weights, grads);
        } finally {
            grads.forEach(NDArray::close);
        }
    }

    /**
     * The optimiser's state for the given parameters, in their order, as arrays in {@code manager}
     * (for checkpoints). Parameters never updated yet get zeros.
     */
    NDList saveState(List<String> parameterIds, List<NDArray> weights, NDManager manager);

    /** Restores what {@link #saveState} returned, for the same parameters in the same order. */
    void loadState(List<String> parameterIds, List<NDArray> weights, NDList state);
}
